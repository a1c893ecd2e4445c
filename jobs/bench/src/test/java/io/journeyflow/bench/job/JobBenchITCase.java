package io.journeyflow.bench.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.kafka.KafkaTopics.TopicSpec;
import io.journeyflow.local.generate.EventGenerator;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    @ParameterizedTest
    @EnumSource(value = BenchedJob.class, names = {"PASS_THROUGH", "PASS_THROUGH_KEYED"})
    void thePassThroughJobsWriteOneCommittedRecordPerInputEvent(BenchedJob job) throws Exception {
        String name = "it-" + job.label();
        JobRun run = JobRun.execute(job, name, base, kafka, events);

        assertThat(events).isGreaterThan(1000);
        assertThat(committedRecords(name + ".actions.email", Action.class)).isEqualTo(events);
        assertThat(run.eventsPerSecond()).isPositive();
        assertThat(run.cpuSeconds()).isPositive();
    }

    @Test
    void theFullJobReadsTheWholeTopicAndActs() throws Exception {
        JobRun run = JobRun.execute(BenchedJob.FULL_ROCKSDB, "it-full", base, kafka, events);

        assertThat(run.seconds()).isPositive();
        assertThat(committedRecords("it-full.journey-events", JourneyEvent.class)).isGreaterThan(events / 20);
        assertThat(committedRecords("it-full.actions.email", Action.class)).isPositive();
    }

    /** How many records a read_committed consumer sees on the topic: committed transactions only. */
    private static long committedRecords(String topic, Class<? extends SpecificRecordBase> type) {
        return new KafkaTestIO(kafka.bootstrapServers()).readCommitted(List.of(topic), type).size();
    }
}
