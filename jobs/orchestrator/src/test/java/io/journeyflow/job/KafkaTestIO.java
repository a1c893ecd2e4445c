package io.journeyflow.job;

import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes test input to Kafka and reads committed output back. */
public final class KafkaTestIO {

    private final String bootstrapServers;

    public KafkaTestIO(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Customer events as the production producers write them: Avro, key = customer id; partitioned by key, except
     * {@link TestData#ticks} which go to the partition they name.
     */
    public void sendEvents(String topic, List<CustomerEvent> events) {
        AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (CustomerEvent event : events) {
            records.add(new ProducerRecord<>(topic, TestData.tickPartition(event), utf8(event.getCustomerId()),
                    codec.encode(event)));
        }
        send(records);
    }

    public void send(List<ProducerRecord<byte[], byte[]>> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            records.forEach(record -> acks.add(producer.send(record)));
            producer.flush();
            // A record the broker refused must fail the test here, not show up minutes later as missing output.
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a test record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending test records", e);
        }
    }

    /** Every record committed so far to the topics, decoded; reads up to the last stable offset of each partition. */
    public <T extends SpecificRecordBase> List<T> readCommitted(Collection<String> topics, Class<T> type) {
        AvroCodec<T> codec = AvroCodec.of(type);
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic).forEach(
                    info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topics + " to their end in 30 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    values.add(decode(codec, record.value()));
                }
            }
        }
        return values;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    private static <T extends SpecificRecordBase> T decode(AvroCodec<T> codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Polls the committed actions of the job until the condition holds; fails after {@link TestJobs#WAIT}. */
    public List<Action> awaitActions(JobConfig config, Predicate<List<Action>> done) throws InterruptedException {
        return await("actions", TestJobs.WAIT, () -> readCommitted(config.actionTopics(), Action.class), done);
    }

    /** Polls until the condition holds, or fails after the timeout. Returns the last value seen. */
    public static <T> T await(String what, Duration timeout, Supplier<T> read, Predicate<T> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: "
                        + summary(value));
            }
            Thread.sleep(200); // a pause between polls of a condition with a deadline, not a synchronisation
            value = read.get();
        }
        return value;
    }

    /** A list by its size and first few elements: a whole topic in a failure message hides the count. */
    private static String summary(Object value) {
        if (!(value instanceof List<?> list)) {
            return String.valueOf(value);
        }
        StringBuilder text = new StringBuilder().append(list.size()).append(" records");
        list.stream().limit(3).forEach(element -> text.append("\n  ").append(element));
        return text.append(list.size() > 3 ? "\n  ..." : "").toString();
    }
}
