package io.journeyflow.bench.job;

import io.journeyflow.job.JobConfig;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.kafka.KafkaTopics.TopicSpec;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One timed run of a {@link BenchedJob} over the whole input topic, on a MiniCluster of its own, to completion.
 *
 * @param seconds the job's own run time, from submission to the end of its last checkpoint (which commits the last
 *     transaction): what a backlog of {@code events} costs it
 * @param cpuSeconds CPU time of the whole JVM meanwhile (the job and the in-process broker serving it): steadier than
 *     the wall clock on a machine shared with other work
 */
public record JobRun(BenchedJob job, long events, double seconds, double cpuSeconds) {

    public double eventsPerSecond() {
        return events / seconds;
    }

    public double eventsPerCpuSecond() {
        return events / cpuSeconds;
    }

    /**
     * Runs {@code job} with its outputs on topics of their own ({@code name}.actions.email, ...) and a consumer group
     * of its own, so every run reads the input from the start and no run sees another's output.
     */
    public static JobRun execute(BenchedJob job, String name, JobConfig base, EmbeddedKafka kafka, long events)
            throws Exception {
        JobConfig config = job.configure(base.toBuilder())
                .consumerGroup(name)
                .transactionalIdPrefix(name)
                .actionTopicPrefix(name + ".actions.")
                .journeyEventsTopic(name + ".journey-events")
                .deadLettersTopic(name + ".dead-letters")
                .deploymentsTopic(name + ".journey-deployments")
                .erasuresTopic(name + ".erasures")
                // Without a folder, checkpoints go to the JobManager's memory, which refuses state over 5 MB.
                .checkpointDir(Files.createTempDirectory("journeyflow-bench-checkpoints").toUri().toString())
                .build();
        for (String topic : config.plainTopics()) {
            kafka.createTopics(TopicSpec.of(topic, config.parallelism()));
        }
        Configuration cluster = new Configuration();
        // RocksDB lives in managed memory: give it what a small production task manager would.
        cluster.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
        try (AutoCloseable runFiles = job.configureFlink(cluster)) {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), cluster);
            job.define(env, config);
            OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = system.getProcessCpuTime();
            JobExecutionResult result = env.execute(name);
            return new JobRun(job, events, result.getNetRuntime() / 1000.0,
                    (system.getProcessCpuTime() - cpuBefore) / 1e9);
        }
    }
}
