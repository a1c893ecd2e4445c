package io.journeyflow.job;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * Starts, restores and stops the real workflow against Kafka, on whatever Flink the context provides (the test's
 * MiniCluster, or a local one in a {@code main}).
 */
public final class TestJobs {

    public static final Duration WAIT = Duration.ofMinutes(3);

    private TestJobs() {
    }

    /** A MiniCluster of one task manager with {@code slots} slots, for {@code @RegisterExtension}. */
    public static MiniClusterExtension miniCluster(int slots, Configuration configuration) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .setConfiguration(configuration)
                .build());
    }

    public static JobClient start(JobConfig config) throws Exception {
        return restore(config, null);
    }

    /** Starts the workflow from a savepoint ({@code null}: from nothing); all of its state must find an operator. */
    public static JobClient restore(JobConfig config, String savepoint) throws Exception {
        return restore(config, savepoint, new Configuration());
    }

    /**
     * The same, with Flink settings for this job beyond those {@code config} makes; their
     * {@code execution.state-recovery.claim-mode} says who owns the savepoint afterwards.
     */
    public static JobClient restore(JobConfig config, String savepoint, Configuration flink) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        JourneyflowJob.defineWorkflow(env, config, KafkaEnds.sources(config), KafkaEnds.sinks(config));
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(config.consumerGroup());
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false,
                    flink.get(StateRecoveryOptions.RESTORE_MODE)));
        }
        return env.executeAsync(graph);
    }

    /**
     * Stops the job with a canonical savepoint in {@code folder} and waits for it to end. Event time is not advanced
     * to the end (deadlines still pending stay pending), and output in flight is committed with the savepoint.
     *
     * @return the savepoint's own folder
     */
    public static Path stopWithSavepoint(JobClient job, Path folder) throws Exception {
        String savepoint = job.stopWithSavepoint(false, folder.toUri().toString(), SavepointFormatType.CANONICAL)
                .get();
        awaitEnd(job);
        return Path.of(URI.create(savepoint));
    }

    /**
     * A condition on the job's output that fails at once, with the job's failure, when the job has ended: waiting for
     * the output of a job that cannot start (a savepoint it cannot restore) then fails in seconds, not at the deadline.
     */
    public static <T> Predicate<T> whileRunning(JobClient job, Predicate<T> done) {
        return output -> {
            if (done.test(output)) {
                return true;
            }
            JobStatus status = status(job);
            if (status.isGloballyTerminalState()) {
                throw new AssertionError("the job ended " + status + " before its output was complete", failure(job));
            }
            return false;
        };
    }

    /** A cluster configuration under which a failing job ends instead of restarting: for jobs that must not fail. */
    public static Configuration noRestarts() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    /** Cancels the job (output not yet committed is dropped) and waits for it to end. */
    public static void cancel(JobClient job) throws Exception {
        job.cancel().get();
        awaitEnd(job);
    }

    private static void awaitEnd(JobClient job) throws InterruptedException {
        KafkaTestIO.await("the job to end", WAIT, () -> status(job), JobStatus::isGloballyTerminalState);
    }

    private static Throwable failure(JobClient job) {
        try {
            job.getJobExecutionResult().get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static JobStatus status(JobClient job) {
        try {
            return job.getJobStatus().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
