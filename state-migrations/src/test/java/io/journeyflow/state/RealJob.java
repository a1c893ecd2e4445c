package io.journeyflow.state;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.schema.CustomerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The real orchestrator workflow ({@link JourneyflowJob#defineWorkflow}) on the test's MiniCluster against the
 * embedded Kafka broker: started fresh or from a savepoint, fed events, stopped with a savepoint.
 */
public final class RealJob {

    public static final Duration WAIT = Duration.ofMinutes(3);

    private RealJob() {
    }

    /**
     * Topics of the run's own, the journeys in a start-up folder, parallelism 2, and watermarks from the events
     * alone (no wall clock): deadlines fire only when the events' time passes them.
     */
    public static JobConfig config(EmbeddedKafka kafka, String run, Path journeysDir, Map<String, String> journeys)
            throws Exception {
        Files.createDirectories(journeysDir);
        for (Map.Entry<String, String> journey : journeys.entrySet()) {
            Files.writeString(journeysDir.resolve(journey.getKey() + ".yaml"), journey.getValue());
        }
        JobConfig config = JobConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .eventsTopic(run + ".customer-events")
                .journeysTopic(run + ".journey-definitions")
                .actionTopicPrefix(run + ".actions.")
                .journeyEventsTopic(run + ".journey-events")
                .deadLettersTopic(run + ".dead-letters")
                .deploymentsTopic(run + ".journey-deployments")
                .consumerGroup(run)
                .transactionalIdPrefix(run)
                .watermarkMode(JobConfig.WatermarkMode.DETERMINISTIC)
                .transactionTimeout(Duration.ofMinutes(1))
                .journeysDir(journeysDir)
                .parallelism(2)
                .checkpointInterval(Duration.ofMillis(500))
                .build();
        kafka.createJourneyflowTopics(2, config.journeysTopic(), config.plainTopics());
        return config;
    }

    /** @param savepoint where to restore from, or {@code null} for a fresh start */
    public static JobClient start(JobConfig config, String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        JourneyflowJob.defineWorkflow(env, config, KafkaEnds.sources(config), KafkaEnds.sinks(config));
        return env.executeAsync(config.consumerGroup());
    }

    /**
     * Events in this order, all to partition 0 of the events topic: when the job has acted on the last one it has
     * processed every one before it. Partition 1 stays empty, so its watermark holds event time back and no
     * deadline fires.
     */
    public static void send(KafkaTestIO io, JobConfig config, List<CustomerEvent> events) {
        send(io, config, 0, events);
    }

    /** An event of no journey in each partition: event time reaches {@code minute} and deadlines up to it fire. */
    public static void tick(KafkaTestIO io, JobConfig config, int minute) {
        for (int partition = 0; partition < 2; partition++) {
            send(io, config, partition, List.of(Events.event("tick-" + partition, "tick", minute)));
        }
    }

    private static void send(KafkaTestIO io, JobConfig config, int partition, List<CustomerEvent> events) {
        AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
        io.send(events.stream().map(e -> new ProducerRecord<>(config.eventsTopic(), partition,
                KafkaTestIO.utf8(e.getCustomerId()), codec.encode(e))).toList());
    }

    /** Stops the job without draining (no final watermark: pending deadlines stay pending) and returns the path. */
    public static String stopWithSavepoint(JobClient job, Path dir) throws Exception {
        return stopWithSavepoint(job, dir, SavepointFormatType.CANONICAL);
    }

    /** As above, in the given format (NATIVE: the state backend's own files, as RocksDB writes them). */
    public static String stopWithSavepoint(JobClient job, Path dir, SavepointFormatType format) throws Exception {
        String path = job.stopWithSavepoint(false, dir.toUri().toString(), format).get();
        KafkaTestIO.await("the job to end", WAIT, () -> status(job), JobStatus::isGloballyTerminalState);
        return path;
    }

    public static void cancel(JobClient job) throws Exception {
        job.cancel().get();
        KafkaTestIO.await("the job to end", WAIT, () -> status(job), JobStatus::isGloballyTerminalState);
    }

    private static JobStatus status(JobClient job) {
        try {
            return job.getJobStatus().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
