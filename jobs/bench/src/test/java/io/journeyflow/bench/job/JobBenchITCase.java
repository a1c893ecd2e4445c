package io.journeyflow.bench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.JobConfig;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.kafka.KafkaTopics.TopicSpec;
import io.journeyflow.local.generate.EventGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole-job benchmark's jobs end by themselves at the end of the input and lose nothing on the way. */
class JobBenchITCase {

    private static final Path SAMPLES = Path.of("../local/src/main/resources");
    private static final Instant END = Instant.now().truncatedTo(ChronoUnit.HOURS);

    private static EmbeddedKafka kafka;
    private static JobConfig base;
    private static long events;

    @BeforeAll
    static void preload() throws Exception {
        kafka = EmbeddedKafka.start();
        base = JobConfig.builder().bootstrapServers(kafka.bootstrapServers()).parallelism(2)
                .journeysDir(SAMPLES.resolve("journeys")).policies(SAMPLES.resolve("policies/contact-policy.yaml"))
                .until(END).checkpointInterval(Duration.ofSeconds(1)).build();
        kafka.createTopics(TopicSpec.of(base.eventsTopic(), 2));
        events = JobBench.preload(kafka.bootstrapServers(), base.eventsTopic(),
                new EventGenerator(EventGenerator.Settings.of(200, 5, END, Duration.ofDays(30))));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void thePassThroughJobWritesOneCommittedRecordPerInputEvent() throws Exception {
        JobRun run = JobRun.execute(BenchedJob.PASS_THROUGH, "it-pass", base, kafka, events);

        assertThat(events).isGreaterThan(1000);
        assertThat(committedRecords("it-pass.actions.email")).isEqualTo(events);
        assertThat(run.eventsPerSecond()).isPositive();
    }

    @Test
    void theFullJobReadsTheWholeTopicAndActs() throws Exception {
        JobRun run = JobRun.execute(BenchedJob.FULL_ROCKSDB, "it-full", base, kafka, events);

        assertThat(run.seconds()).isPositive();
        assertThat(committedRecords("it-full.journey-events")).isGreaterThan(events / 20);
        assertThat(committedRecords("it-full.actions.email")).isPositive();
    }

    /** How many records a read_committed consumer sees on the topic: committed transactions only. */
    private static long committedRecords(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return count;
    }
}
