package io.journeyflow.bench.live;

import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.schema.Action;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the actions the job commits and measures, for each, how long after its triggering event it became readable:
 * now minus {@code decided_at}, which is the event's own time stamp (the wall clock at production) for an action
 * that follows its event immediately. Grouped by journey/step; actions decided before {@code from} are warm-up.
 */
final class ActionLatencies {

    private final Map<String, LongSamples> byStep = new TreeMap<>();
    private final AvroCodec<Action> codec = AvroCodec.of(Action.class);

    /** Reads, as a downstream sender does (committed transactions only), until {@code done} holds. */
    void read(String bootstrapServers, List<String> topics, long from, BooleanSupplier done)
            throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + System.nanoTime());
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (!done.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    Action action = codec.decode(record.value());
                    if (action.getDecidedAt() >= from) {
                        byStep.computeIfAbsent(action.getJourneyId() + "/" + action.getStepId(),
                                step -> new LongSamples()).add(now - action.getDecidedAt());
                    }
                }
            }
        }
    }

    Map<String, Percentiles> percentiles() {
        Map<String, Percentiles> result = new TreeMap<>();
        byStep.forEach((step, samples) -> result.put(step, new Percentiles(samples.toArray())));
        return result;
    }
}
