package io.journeyflow.bench.job;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-job benchmark's result as a markdown table, each rate also as a share of the pass-through's best (the
 * higher of its runs, so a cold first run does not flatter the full job), then one verdict line per full job.
 */
final class RunTable {

    /** The share of the pass-through's rate each full job must reach. */
    private static final Map<BenchedJob, Double> TARGETS =
            Map.of(BenchedJob.FULL_HASHMAP, 0.50, BenchedJob.FULL_ROCKSDB, 0.35);

    private RunTable() {
    }

    static String markdown(List<JobRun> runs) {
        double limit = runs.stream().filter(run -> run.job() == BenchedJob.PASS_THROUGH)
                .mapToDouble(JobRun::eventsPerSecond).max().orElse(Double.NaN);
        StringBuilder table = new StringBuilder("| job | events | seconds | events/s | of pass-through |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (JobRun run : runs) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %s |%n", run.job().label(),
                    run.events(), run.seconds(), run.eventsPerSecond(), Double.isNaN(limit) ? "no pass-through run"
                            : String.format(Locale.ROOT, "%.0f%%", 100 * run.eventsPerSecond() / limit)));
        }
        if (Double.isNaN(limit)) {
            return table.toString();
        }
        for (JobRun run : runs) {
            Double target = TARGETS.get(run.job());
            if (target != null) {
                double share = run.eventsPerSecond() / limit;
                table.append(String.format(Locale.ROOT, "- %s %.0f%% of pass-through, target %.0f%%: %s%n",
                        run.job().label(), 100 * share, 100 * target, share >= target ? "met" : "target missed"));
            }
        }
        return table.toString();
    }
}
