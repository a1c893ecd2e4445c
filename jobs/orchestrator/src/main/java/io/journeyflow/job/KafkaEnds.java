package io.journeyflow.job;

import io.journeyflow.job.serde.AvroKafkaSerializer;
import io.journeyflow.job.serde.CensusAnswerDeserializer;
import io.journeyflow.job.serde.ControlRecordDeserializer;
import io.journeyflow.job.serde.CustomerEventDeserializer;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.DecodedEvent;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The job's real Kafka sources and sinks, built from a {@link JobConfig}. */
public final class KafkaEnds {

    private KafkaEnds() {
    }

    public static WorkflowSources sources(JobConfig config) {
        KafkaSource<DecodedEvent> events = eventsSource(config).build();
        // The control topic is compacted and small: reading it whole on a fresh start rebuilds the registry, and
        // documents already deployed are answered "unchanged".
        KafkaSource<ControlRecord> control = controlSource(config, config.journeysTopic(), "-control",
                OffsetsInitializer.earliest(), new ControlRecordDeserializer());
        // Answers to requests of an earlier run are ignored anyway: a fresh start need not read them.
        KafkaSource<ControlRecord> census = controlSource(config, config.censusTopic(), "-census",
                OffsetsInitializer.latest(), new CensusAnswerDeserializer());
        WorkflowSources sources = new WorkflowSources(events, control, census);
        if (config.watermarkMode() == JobConfig.WatermarkMode.DETERMINISTIC) {
            // Live mode moves a silent subtask's event time with the wall clock; this mode never does, so a subtask
            // without a partition would hold back every deadline of the job.
            int partitions = partitionCount(config);
            if (partitions < config.parallelism()) {
                return sources.withEventsParallelism(partitions);
            }
        }
        return sources;
    }

    private static int partitionCount(JobConfig config) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(properties)) {
            return admin.describeTopics(List.of(config.eventsTopic())).allTopicNames().get()
                    .get(config.eventsTopic()).partitions().size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("deterministic watermarks read the events topic with at most one subtask "
                    + "per partition, but its partitions could not be counted: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the partitions of " + config.eventsTopic(), e);
        }
    }

    /** A source of the control input: committed records only, a consumer group of its own. */
    private static KafkaSource<ControlRecord> controlSource(JobConfig config, String topic, String groupSuffix,
            OffsetsInitializer start, KafkaRecordDeserializationSchema<ControlRecord> deserializer) {
        return KafkaSource.<ControlRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(topic)
                .setGroupId(config.consumerGroup() + groupSuffix)
                .setStartingOffsets(start)
                .setDeserializer(deserializer)
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }

    /**
     * The events source of {@link #sources}, stopping at the offsets that are the latest when the job starts: a
     * benchmark or a replay of a topic's backlog that ends by itself.
     */
    public static KafkaSource<DecodedEvent> boundedEvents(JobConfig config) {
        return eventsSource(config).setBounded(OffsetsInitializer.latest()).build();
    }

    private static KafkaSourceBuilder<DecodedEvent> eventsSource(JobConfig config) {
        return KafkaSource.<DecodedEvent>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.eventsTopic())
                .setGroupId(config.consumerGroup())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new CustomerEventDeserializer(config.maxFutureSkew(), Clock.systemUTC()))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    public static WorkflowSinks sinks(JobConfig config) {
        String prefix = config.actionTopicPrefix();
        return new WorkflowSinks(
                sink(config, "actions", new AvroKafkaSerializer<>(Action.class,
                        action -> prefix + action.getChannel(),
                        action -> AvroKafkaSerializer.utf8(action.getCustomerId()))),
                sink(config, "journey-events", AvroKafkaSerializer.toTopic(JourneyEvent.class,
                        config.journeyEventsTopic(), event -> AvroKafkaSerializer.utf8(event.getCustomerId()))),
                sink(config, "dead-letters", AvroKafkaSerializer.toTopic(DeadLetter.class,
                        config.deadLettersTopic(), letter -> bytes(letter.getOriginalKey()))),
                sink(config, "deployments", AvroKafkaSerializer.toTopic(JourneyDeployment.class,
                        config.deploymentsTopic(), answer -> AvroKafkaSerializer.utf8(answer.getJourneyId()))),
                sink(config, "erasures", AvroKafkaSerializer.toTopic(Erasure.class,
                        config.erasuresTopic(), erasure -> AvroKafkaSerializer.utf8(erasure.getCustomerId()))),
                sink(config, "census", AvroKafkaSerializer.toTopic(CensusReport.class,
                        config.censusTopic(), report -> AvroKafkaSerializer.utf8(report.getJourneyId()))));
    }

    private static <T extends SpecificRecordBase> KafkaSink<T> sink(
            JobConfig config, String name, KafkaRecordSerializationSchema<T> serializer) {
        // Each sink needs its own transactional id prefix: two sinks sharing one would fence each other's producers.
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(config.deliveryGuarantee())
                .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + name)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        String.valueOf(config.transactionTimeout().toMillis()))
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
