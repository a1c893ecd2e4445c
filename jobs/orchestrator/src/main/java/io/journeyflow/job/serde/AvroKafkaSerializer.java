package io.journeyflow.job.serde;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records as Avro binary, each to the topic and under the key its functions choose.
 *
 * <p>The Kafka timestamp is left to the producer (the time of writing), never the event time: the broker rolls and
 * deletes log segments by record timestamp, so actions decided while replaying last quarter's events would carry
 * last quarter's timestamps and be deleted by retention minutes after they were committed. The decision's event time
 * travels in the record itself ({@code decided_at}, {@code ts}).
 */
public final class AvroKafkaSerializer<T extends SpecificRecordBase> implements KafkaRecordSerializationSchema<T> {

    private final AvroCodec<T> codec;
    private final SerializableFunction<T, String> topic;
    private final SerializableFunction<T, byte[]> key;

    public AvroKafkaSerializer(Class<T> type, SerializableFunction<T, String> topic,
                               SerializableFunction<T, byte[]> key) {
        this.codec = AvroCodec.of(type);
        this.topic = topic;
        this.key = key;
    }

    /** Every record to one topic. */
    public static <T extends SpecificRecordBase> AvroKafkaSerializer<T> toTopic(
            Class<T> type, String topicName, SerializableFunction<T, byte[]> key) {
        return new AvroKafkaSerializer<>(type, record -> topicName, key);
    }

    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic.apply(element), null, null, key.apply(element), codec.encode(element));
    }
}
