package io.journeyflow.bench.compare;

import io.journeyflow.bench.compare.ComparisonJobs.Kind;
import io.journeyflow.job.JobConfig.StateBackendKind;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs one of the three comparison jobs on a local MiniCluster over the seeded cart workload, once small to warm the
 * JVM up, then in full, and prints one line: events per second of wall time (from submission to the end of the
 * bounded input), events per second of CPU time of the whole JVM (the fairer figure on a machine shared with other
 * work: it does not count the time other processes had the cores), and the count and digest of the actions, so that
 * runs can be checked against each other. {@code scripts/bench-handwritten} runs the three jobs, each in its own JVM,
 * and computes the ratios.
 *
 * <p>Arguments: job (journeyflow|handwritten|cep), backend (hashmap|rocksdb), customers, events, days, parallelism,
 * and a work folder for checkpoints (the caller deletes it: checkpoint files are still being cleaned up as the JVM
 * ends).
 */
public final class CompareBench {

    private static final long SEED = 42L;
    private static final int WARM_UP_SHARE = 5;

    private CompareBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: CompareBench journeyflow|handwritten|cep hashmap|rocksdb customers events days"
                    + " parallelism work-folder");
            System.exit(2);
        }
        Kind kind;
        StateBackendKind backend;
        try {
            kind = Kind.parse(args[0]);
            backend = StateBackendKind.valueOf(args[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CartWorkload workload = new CartWorkload(Integer.parseInt(args[2]), Long.parseLong(args[3]),
                Integer.parseInt(args[4]), SEED);
        int parallelism = Integer.parseInt(args[5]);
        Path work = Path.of(args[6]);
        CartWorkload warmUp = new CartWorkload(workload.customers(), workload.events() / WARM_UP_SHARE,
                workload.days(), SEED);
        run(kind, backend, warmUp, parallelism, work);
        Run measured = run(kind, backend, workload, parallelism, work);
        System.out.printf(Locale.ROOT, "%-11s %-8s %,10.0f events/s %,10.0f events/cpu-s   %,d events in %.1f s"
                        + " (%.1f cpu-s)   %,d actions, digest %016x%n",
                kind.name().toLowerCase(Locale.ROOT), args[1], workload.events() / measured.seconds(),
                workload.events() / measured.cpuSeconds(), workload.events(), measured.seconds(),
                measured.cpuSeconds(), measured.tally().count(), measured.tally().digest());
    }

    private record Run(double seconds, double cpuSeconds, ActionTally.Tally tally) {}

    private static Run run(Kind kind, StateBackendKind backend, CartWorkload workload, int parallelism, Path work)
            throws Exception {
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // A bounded job otherwise waits up to a checkpoint interval at its end for a final checkpoint: the same
        // pause for every job, which would only blur the comparison.
        flink.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, flink);
        String runId = UUID.randomUUID().toString();
        ComparisonJobs.define(kind, env, ComparisonJobs.config(parallelism, backend, work.resolve(runId)), workload,
                workload.events(), ActionTally.counting(runId));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        env.execute("compare " + kind);
        return new Run((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9,
                ActionTally.take(runId));
    }
}
