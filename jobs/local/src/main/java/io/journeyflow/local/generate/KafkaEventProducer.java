package io.journeyflow.local.generate;

import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.schema.CustomerEvent;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces customer events the way a real feed does: value = the event in the job's wire format (plain Avro binary,
 * {@link AvroCodec}), key = the customer id, so all of a customer's events land in one partition in order.
 */
public final class KafkaEventProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);

    public KafkaEventProducer(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    public void send(CustomerEvent event) {
        sendRaw(event.getCustomerId().getBytes(StandardCharsets.UTF_8), codec.encode(event));
    }

    /** Sends bytes as they are: how the demo shows that garbage becomes a dead letter rather than a crash. */
    public void sendRaw(byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
