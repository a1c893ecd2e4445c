package io.journeyflow.job.serde;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records as Avro binary, each to the topic and under the key its functions choose. The Kafka timestamp is the
 * record's event time, so reruns write the same records.
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
        // Kafka refuses negative timestamps; records without event time get the broker's.
        Long kafkaTimestamp = timestamp != null && timestamp >= 0 ? timestamp : null;
        return new ProducerRecord<>(topic.apply(element), null, kafkaTimestamp, key.apply(element),
                codec.encode(element));
    }
}
