package io.journeyflow.bench.live;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The soak's table over time and its verdict. Bounded means: no checkpoint failed while running, the job still
 * running, keeping up with the load (over the last third it took in at least 95% of what the generator wrote, as of
 * its checkpoints: the committed offsets trail by up to one checkpoint interval), and neither the heap left after
 * collection nor the checkpointed state grew by more than a quarter from the middle third of the run to the last
 * third (a leak grows steadily; a working set levels off once every customer has been seen). Checkpoints Flink
 * declined because a task was not running ("tasks not ready": the job starting, or its bounded start-up journeys
 * source finishing) are counted apart: none of them ran, and they say nothing about a steady load. So are the triggers
 * Flink refused before every task of the job was running: it refuses a checkpoint until all tasks run ("Not all
 * required tasks are currently running", in its log only), and its first trigger comes within one interval of the
 * job's start, often while the stateful tasks still initialize.
 */
final class SoakReport {

    private static final double ALLOWED_GROWTH = 1.25;
    private static final double KEPT_UP = 0.95;

    private SoakReport() {
    }

    static String row(SoakSample s) {
        return String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.1f | %.1f | %d | %,d | %,d | %s |",
                s.secondsIn(), s.heapUsedMb(), s.heapAfterGcMb(), s.completed(), s.failed(), s.stateMb(),
                s.checkpointedMb(), s.checkpointMs(), s.produced(), Math.max(0, s.produced() - s.read()), s.status());
    }

    /** @param refusedWhileStarting failed checkpoints Flink had counted when every task was first running */
    static String markdown(String header, List<SoakSample> samples, long refusedWhileStarting) {
        StringBuilder text = new StringBuilder("Soak: " + header + "\n\n| s | heap used MB | heap after GC MB "
                + "| checkpoints | failed | state MB | checkpointed MB | checkpoint ms | events produced | behind "
                + "| job |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        samples.forEach(sample -> text.append(row(sample)).append('\n'));
        text.append('\n').append(verdict(samples, refusedWhileStarting)).append('\n');
        return text.toString();
    }

    static String verdict(List<SoakSample> samples, long refusedWhileStarting) {
        if (samples.size() < 3) {
            return "Verdict: too few samples to judge.";
        }
        SoakSample last = samples.get(samples.size() - 1);
        double heapGrowth = growth(samples, SoakSample::heapAfterGcMb);
        double stateGrowth = growth(samples, SoakSample::stateMb);
        List<FailedCheckpoint> listed = listedFailures(samples);
        long whileStarting = Math.min(last.failed(), refusedWhileStarting);
        long notReady = Math.min(last.failed() - whileStarting,
                listed.stream().filter(FailedCheckpoint::taskNotRunning).count());
        SoakSample lastThirdStart = samples.get(2 * (samples.size() / 3) - 1);
        long producedLately = last.produced() - lastThirdStart.produced();
        double keptUp = producedLately == 0 ? 1 : (double) (last.read() - lastThirdStart.read()) / producedLately;
        double rate = producedLately / (double) (last.secondsIn() - lastThirdStart.secondsIn());
        long behind = Math.max(0, last.produced() - last.read());
        boolean bounded = last.failed() == whileStarting + notReady && last.status().equals("RUNNING")
                && heapGrowth <= ALLOWED_GROWTH && stateGrowth <= ALLOWED_GROWTH && keptUp >= KEPT_UP;
        return String.format(Locale.ROOT, "Verdict: %s. Heap after GC x%.2f and state x%.2f from the middle third to "
                        + "the last third (allowed x%.2f); %d failed checkpoints of %d, %d of them refused before "
                        + "every task was running, %d declined because a task was not running; job %s; over the last "
                        + "third the job took in %.1f%% of the %,.0f events/s written (needed %.0f%%), and it ended "
                        + "%,d events behind (%.1f s of input).%s",
                bounded ? "bounded" : "NOT bounded", heapGrowth, stateGrowth, ALLOWED_GROWTH, last.failed(),
                last.completed() + last.failed(), whileStarting, notReady, last.status(), 100 * keptUp, rate,
                100 * KEPT_UP, behind, rate == 0 ? 0 : behind / rate, reasons(listed, last.failed() - whileStarting));
    }

    /** Each sample sees the latest few checkpoints only: a failure counts once, however many samples saw it. */
    private static List<FailedCheckpoint> listedFailures(List<SoakSample> samples) {
        return samples.stream().flatMap(sample -> sample.failures().stream()).distinct()
                .sorted(Comparator.comparingLong(FailedCheckpoint::id)).toList();
    }

    /**
     * Why each failed after every task ran, as far as Flink says: it counts a trigger refused before a checkpoint
     * began, but lists none.
     */
    private static String reasons(List<FailedCheckpoint> listed, long failed) {
        StringBuilder text = new StringBuilder();
        listed.forEach(checkpoint -> text.append("\n- checkpoint ").append(checkpoint.id()).append(": ")
                .append(checkpoint.message()));
        long unlisted = failed - listed.size();
        if (unlisted > 0) {
            text.append("\n- ").append(unlisted).append(" failed before a checkpoint began (a trigger Flink refused;"
                    + " its REST API keeps no reason for those)");
        }
        return text.toString();
    }

    private static double growth(List<SoakSample> samples, ToDoubleFunction<SoakSample> value) {
        int third = samples.size() / 3;
        double middle = samples.subList(third, 2 * third).stream().mapToDouble(value).average().orElse(0);
        double last = samples.subList(2 * third, samples.size()).stream().mapToDouble(value).average().orElse(0);
        return middle == 0 ? (last == 0 ? 1 : Double.POSITIVE_INFINITY) : last / middle;
    }
}
