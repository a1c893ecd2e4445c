package io.journeyflow.local.generate;

import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.schema.CustomerEvent;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces customer events the way a real feed does: value = the event in the job's wire format (plain Avro binary,
 * {@link AvroCodec}), key = the customer id, so all of a customer's events land in one partition in order.
 * A send the broker refused is reported by the next {@link #flush()}: a load test must not count lost events as sent.
 */
public final class KafkaEventProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaEventProducer(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    public void send(CustomerEvent event) {
        sendRaw(event.getCustomerId().getBytes(StandardCharsets.UTF_8), codec.encode(event));
    }

    /** Sends bytes as they are: how the demo shows that garbage becomes a dead letter rather than a crash. */
    public void sendRaw(byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    /** Waits until everything sent so far is acknowledged; fails if the broker refused any of it. */
    public void flush() {
        producer.flush();
        Exception refused = failure.get();
        if (refused != null) {
            throw new IllegalStateException("Kafka refused an event sent to " + topic + ": " + refused.getMessage(),
                    refused);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
