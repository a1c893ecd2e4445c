package io.journeyflow.job.compat;

import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestJobs;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the job's Kafka sources stood when a fixture's savepoint was taken: the next offset of every partition they
 * read. The savepoint resumes there; a restore on a fresh broker therefore needs partitions that already hold that
 * many records, or the first events sent after the restore would be skipped (or, past the end, trigger an offset
 * reset). Fixtures keep these positions in {@value #FILE}, one {@code topic/partition=offset} a line.
 */
public final class SourcePositions {

    public static final String FILE = "kafka-offsets.properties";

    private static final byte[] FILLER = KafkaTestIO.utf8("filler: before the restored position, never to be read");

    private SourcePositions() {
    }

    /** The end offset of every partition of the topics. */
    public static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
            description.partitions().forEach(p ->
                    latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Waits until a completed checkpoint covers every record up to the positions: the Kafka source commits its
     * consumer groups' offsets when a checkpoint completes, so a later savepoint resumes exactly there. (An empty
     * partition has nothing to cover, and never gets a committed offset.)
     */
    public static void awaitCommitted(Admin admin, Map<TopicPartition, Long> positions) throws Exception {
        KafkaTestIO.await("the job's checkpoints to cover " + positions, TestJobs.WAIT,
                () -> committed(admin), committed -> positions.entrySet().stream()
                        .allMatch(p -> p.getValue() == 0 || committed.getOrDefault(p.getKey(), -1L) >= p.getValue()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        try {
            for (GroupListing group : admin.listGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                offsets.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return committed;
    }

    public static void write(Map<TopicPartition, Long> positions, Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Next offset of each partition the savepoint's sources read."));
        positions.forEach((p, offset) -> lines.add(p.topic() + "/" + p.partition() + "=" + offset));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static Map<TopicPartition, Long> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        properties.forEach((key, value) -> {
            String[] topicAndPartition = key.toString().split("/");
            positions.put(new TopicPartition(topicAndPartition[0], Integer.parseInt(topicAndPartition[1])),
                    Long.valueOf(value.toString()));
        });
        return positions;
    }

    /**
     * Records that fill every partition up to its position. Keyed (the control topic is compacted) and not a valid
     * event or journey: if a restored source ever read one, it would show up as a dead letter or a rejected
     * deployment.
     */
    public static List<ProducerRecord<byte[], byte[]>> filler(Map<TopicPartition, Long> positions) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        positions.forEach((p, offset) -> {
            for (long i = 0; i < offset; i++) {
                records.add(new ProducerRecord<>(p.topic(), p.partition(), KafkaTestIO.utf8("filler"), FILLER));
            }
        });
        return records;
    }
}
