package io.journeyflow.state.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestData;
import io.journeyflow.job.TestJobs;
import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.kafka.KafkaTopics;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.state.RealJob;
import io.journeyflow.state.migration.OperatorRewrite;
import io.journeyflow.state.savepoint.Savepoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state migration procedure of state-migrations/README.md, end to end: run version 1, stop it with a savepoint,
 * split its state into version 2 with the State Processor API, restore version 2 from the result, and check that
 * every reminder is sent exactly once across both versions: the ones sent before the migration never again, the
 * pending ones by version 2 with what version 1 stored.
 */
class MigrationExampleITCase {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long T0 = TestData.T0;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, new Configuration());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir
    Path dir;

    @Test
    void pendingRemindersFireOnceAfterTheSplitAndSentOnesNeverAgain() throws Exception {
        ReminderJob job = new ReminderJob(KAFKA.kafka().bootstrapServers(), "migration");
        KAFKA.kafka().createTopics(KafkaTopics.TopicSpec.of(job.requestsTopic(), 2),
                KafkaTopics.TopicSpec.of(job.sentTopic(), 2));
        List<CustomerEvent> requests = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            requests.add(Requests.remind("r-" + i, i % 2 == 0 ? "sms" : "email", "to-" + i, T0 + HOUR * (i < 3 ? i : 5),
                    T0));
        }
        send(job, null, requests);
        tick(job, T0 + 3 * HOUR);

        // Version 1 sends r-1 (due at +1h) and r-2 (+2h); r-3, r-4, r-5 (+5h) are pending at the savepoint.
        JobClient v1 = job.start(new RemindersV1(), 1, null);
        awaitSent(job, 2);
        String before = RealJob.stopWithSavepoint(v1, dir.resolve("v1"));

        String after = dir.resolve("v2").toUri().toString();
        long rewritten = new OperatorRewrite<>(ExampleStates.REMINDERS, ExampleStates.reminder(),
                ExampleStates.REMINDER, ExampleStates.schedule(), ExampleStates.SCHEDULE, 2)
                .apply(Savepoint.open(before), after, new SplitReminder());
        assertThat(rewritten).isEqualTo(5);

        // Version 2 restores the split state; time passes every deadline, r-6 (+1d) shows how far it got.
        JobClient v2 = job.start(new RemindersV2(), 2, after);
        send(job, null, List.of(Requests.remind("r-6", "push", "to-6", T0 + 24 * HOUR, T0 + 7 * HOUR)));
        tick(job, T0 + 48 * HOUR);
        awaitSent(job, 6);
        RealJob.stopWithSavepoint(v2, dir.resolve("v2-end"));

        assertThat(KAFKA.io().readCommitted(List.of(job.sentTopic()), ReminderSent.class))
                .extracting(ReminderSent::getCustomerId, ReminderSent::getChannel, ReminderSent::getAddress,
                        ReminderSent::getRemindAt, ReminderSent::getSentAt, ReminderSent::getStateVersion)
                .containsExactlyInAnyOrder(
                        tuple("r-1", "email", "to-1", T0 + HOUR, T0 + HOUR, 1),
                        tuple("r-2", "sms", "to-2", T0 + 2 * HOUR, T0 + 2 * HOUR, 1),
                        tuple("r-3", "email", "to-3", T0 + 5 * HOUR, T0 + 5 * HOUR, 2),
                        tuple("r-4", "sms", "to-4", T0 + 5 * HOUR, T0 + 5 * HOUR, 2),
                        tuple("r-5", "email", "to-5", T0 + 5 * HOUR, T0 + 5 * HOUR, 2),
                        tuple("r-6", "push", "to-6", T0 + 24 * HOUR, T0 + 24 * HOUR, 2));
    }

    private static void send(ReminderJob job, Integer partition, List<CustomerEvent> events) {
        AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
        KAFKA.io().send(events.stream().map(e -> new ProducerRecord<>(job.requestsTopic(), partition,
                KafkaTestIO.utf8(e.getCustomerId()), codec.encode(e))).toList());
    }

    /** A tick in each partition: event time advances per partition, and the slower one holds the operator back. */
    private static void tick(ReminderJob job, long at) {
        for (int partition : new int[] {0, 1}) {
            send(job, partition, List.of(TestData.event("tick-" + partition + "-" + at, "tick", "tick", at)));
        }
    }

    private static void awaitSent(ReminderJob job, int count) throws InterruptedException {
        KafkaTestIO.await(count + " reminders sent", RealJob.WAIT,
                () -> KAFKA.io().readCommitted(List.of(job.sentTopic()), ReminderSent.class),
                sent -> sent.size() >= count);
    }
}
