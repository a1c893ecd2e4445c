package io.journeyflow.state.example;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.serde.AvroKafkaSerializer;
import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.AvroDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The example job, one topology for both state versions: remind events from Kafka (event time from the events) to
 * the reminders operator, reminders sent to Kafka exactly once. Only the operator's function changes between
 * versions; its uid does not.
 *
 * @param bootstrapServers the broker
 * @param run names the topics and the consumer group
 */
record ReminderJob(String bootstrapServers, String run) {

    String requestsTopic() {
        return run + ".reminder-requests";
    }

    String sentTopic() {
        return run + ".reminders-sent";
    }

    /** @param savepoint where to restore from, or {@code null} for a fresh start */
    JobClient start(KeyedProcessFunction<String, CustomerEvent, ReminderSent> reminders, int version,
                    String savepoint) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        KafkaSource<CustomerEvent> requests = KafkaSource.<CustomerEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(requestsTopic())
                .setGroupId(run)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(AvroDeserializationSchema.forSpecific(CustomerEvent.class))
                .build();
        env.fromSource(requests, WatermarkStrategy.<CustomerEvent>forMonotonousTimestamps()
                                .withTimestampAssigner((event, kafkaTime) -> event.getTs()),
                        ExampleStates.REQUESTS.name(), StreamTypes.CUSTOMER_EVENT)
                .uid(ExampleStates.REQUESTS.uid())
                .filter(event -> event.getType().equals(Requests.REMIND))
                .keyBy(CustomerEvent::getCustomerId, Types.STRING)
                .process(reminders, new AvroTypeInfo<>(ReminderSent.class))
                .uid(ExampleStates.REMINDERS.uid()).name(ExampleStates.REMINDERS.name())
                .sinkTo(sent())
                .uid(ExampleStates.SENT.uid()).name(ExampleStates.SENT.name());
        return env.executeAsync(run + " v" + version);
    }

    private KafkaSink<ReminderSent> sent() {
        return KafkaSink.<ReminderSent>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(AvroKafkaSerializer.toTopic(ReminderSent.class, sentTopic(),
                        sent -> AvroKafkaSerializer.utf8(sent.getCustomerId())))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(run)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        String.valueOf(Duration.ofMinutes(1).toMillis()))
                .build();
    }
}
