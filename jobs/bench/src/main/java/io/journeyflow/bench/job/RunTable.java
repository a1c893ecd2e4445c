package io.journeyflow.bench.job;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The whole-job benchmark's result as a markdown table, then one verdict line per full job. Each job is judged by
 * its best run against the best run of either pass-through (with or without the keyBy: whichever is faster is the
 * limit): the first run of each job in a JVM pays for its JIT warm-up, so the script runs every job twice and only
 * warm runs are compared with warm runs. Shares are given by the wall clock (the target) and by CPU time (steadier
 * when other work shares the machine).
 */
final class RunTable {

    /** The share of the pass-through's rate each full job must reach. */
    private static final Map<BenchedJob, Double> TARGETS =
            Map.of(BenchedJob.FULL_HASHMAP, 0.50, BenchedJob.FULL_ROCKSDB, 0.35,
                    BenchedJob.FULL_ROCKSDB_CHANGELOG, 0.35);

    private RunTable() {
    }

    static String markdown(List<JobRun> runs) {
        double limit = limit(runs, JobRun::eventsPerSecond);
        double cpuLimit = limit(runs, JobRun::eventsPerCpuSecond);
        StringBuilder table = new StringBuilder("| job | events | seconds | events/s | of pass-through | CPU s "
                + "| events/CPU s | of pass-through |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JobRun run : runs) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %s | %.1f | %,.0f | %s |%n",
                    run.job().label(), run.events(), run.seconds(), run.eventsPerSecond(),
                    share(run.eventsPerSecond(), limit), run.cpuSeconds(), run.eventsPerCpuSecond(),
                    share(run.eventsPerCpuSecond(), cpuLimit)));
        }
        if (Double.isNaN(limit)) {
            return table.append("no pass-through run: no shares\n").toString();
        }
        for (BenchedJob job : BenchedJob.values()) {
            Double target = TARGETS.get(job);
            double rate = best(runs, job, JobRun::eventsPerSecond);
            if (target != null && !Double.isNaN(rate)) {
                double share = rate / limit;
                table.append(String.format(Locale.ROOT,
                        "- %s (best run) %.0f%% of the best pass-through (by CPU time %.0f%%), target %.0f%%: %s%n",
                        job.label(), 100 * share, 100 * best(runs, job, JobRun::eventsPerCpuSecond) / cpuLimit,
                        100 * target, share >= target ? "met" : "target missed"));
            }
        }
        return table.toString();
    }

    private static double limit(List<JobRun> runs, ToDoubleFunction<JobRun> rate) {
        return runs.stream().filter(run -> run.job() == BenchedJob.PASS_THROUGH
                || run.job() == BenchedJob.PASS_THROUGH_KEYED).mapToDouble(rate).max().orElse(Double.NaN);
    }

    private static double best(List<JobRun> runs, BenchedJob job, ToDoubleFunction<JobRun> rate) {
        return runs.stream().filter(run -> run.job() == job).mapToDouble(rate).max().orElse(Double.NaN);
    }

    private static String share(double rate, double limit) {
        return Double.isNaN(limit) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * rate / limit);
    }
}
