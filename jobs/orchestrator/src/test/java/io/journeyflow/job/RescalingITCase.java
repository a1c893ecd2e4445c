package io.journeyflow.job;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.POST_PURCHASE;
import static io.journeyflow.job.TestData.T0;
import static io.journeyflow.job.TestData.shoppers;
import static io.journeyflow.job.TestData.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint taken at parallelism 2 resumes at parallelism 1 and at 4 with nothing lost and nothing doubled: the
 * actions before the savepoint plus those after it are exactly the actions of one run without a savepoint.
 *
 * <p>Event time comes from the events alone (deterministic watermarks). In live mode a partition that idles follows
 * the wall clock, years past these events, so every pending deadline would fire at once whenever a run idled (while
 * the savepoint is taken, before the second half arrives), and which actions come before or after the restore, or at
 * all, would depend on timing. From the events alone, each deadline fires at the same point of the input in every run.
 */
class RescalingITCase {

    /**
     * At least the highest parallelism: in deterministic mode a source subtask without a partition never advances
     * its watermark (the Kafka source does not declare it idle), which would hold deadlines back for the whole job.
     */
    private static final int PARTITIONS = 4;
    private static final long SAVEPOINT_AT = T0 + 65 * MINUTE;
    private static final long END = T0 + 72 * HOUR;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(4, TestJobs.noRestarts());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    private final KafkaTestIO io = KAFKA.io();

    @TempDir
    Path work;

    @Test
    void aSavepointAtTwoResumesAtOneAndAtFourWithTheActionsOfAnUninterruptedRun() throws Exception {
        // Shoppers 0-23 shop before the savepoint; the deadlines of most of them (reminders after an hour, nudges
        // after a day), the clicks that cancel some nudges, and shoppers 24-31 all come after it.
        List<CustomerEvent> story = new ArrayList<>(shoppers(0, 24, T0));
        story.addAll(shoppers(24, 32, T0 + 2 * HOUR));
        story.sort(Comparator.comparingLong(CustomerEvent::getTs));
        int cut = (int) story.stream().filter(e -> e.getTs() < SAVEPOINT_AT).count();
        List<CustomerEvent> firstHalf = new ArrayList<>(story.subList(0, cut));
        firstHalf.addAll(ticks(SAVEPOINT_AT, PARTITIONS));
        List<CustomerEvent> secondHalf = new ArrayList<>(story.subList(cut, story.size()));
        secondHalf.addAll(ticks(END, PARTITIONS));
        List<CustomerEvent> all = new ArrayList<>(firstHalf);
        all.addAll(secondHalf);

        JobConfig uninterruptedRun = config("rescale-reference");
        List<Action> expected =
                EngineOracle.actions(TestData.cartAndPostPurchase(), all, watermarkAfter(END, uninterruptedRun));
        List<Action> uninterrupted = run(uninterruptedRun, null, all, expected.size());
        assertThat(uninterrupted).as("the uninterrupted run").containsExactlyInAnyOrderElementsOf(expected);

        JobConfig halves = config("rescale");
        List<Action> expectedBefore =
                EngineOracle.actions(TestData.cartAndPostPurchase(), firstHalf, watermarkAfter(SAVEPOINT_AT, halves));
        assertThat(expectedBefore).as("reminders: deadlines fire before the savepoint too")
                .anyMatch(a -> a.getChannel().equals("email"));
        JobClient first = TestJobs.start(halves);
        io.sendEvents(halves.eventsTopic(), firstHalf);
        io.awaitActions(halves, TestJobs.whileRunning(first, actions -> actions.size() >= expectedBefore.size()));
        String savepoint = TestJobs.stopWithSavepoint(first, work.resolve("savepoints")).toString();
        List<Action> before = io.readCommitted(halves.actionTopics(), Action.class);
        io.sendEvents(halves.eventsTopic(), secondHalf);

        for (int parallelism : new int[] {1, 4}) {
            // Same input topic and consumer group; actions of each resumed run go to topics of their own.
            JobConfig resumed = halves.toBuilder()
                    .parallelism(parallelism)
                    .actionTopicPrefix("rescale.p" + parallelism + ".actions.")
                    .build();
            KAFKA.kafka().createJourneyflowTopics(PARTITIONS, resumed.journeysTopic(), resumed.plainTopics());
            List<Action> union = new ArrayList<>(before);
            union.addAll(run(resumed, savepoint, List.of(), uninterrupted.size() - before.size()));
            assertThat(union).as("actions around a resume at parallelism %d", parallelism)
                    .extracting(Action::getActionId).doesNotHaveDuplicates();
            assertThat(union).as("actions around a resume at parallelism %d", parallelism)
                    .containsExactlyInAnyOrderElementsOf(uninterrupted);
        }
    }

    /** Starts (or resumes), sends the events, waits for that many actions, stops with a savepoint (committing all). */
    private List<Action> run(JobConfig config, String savepoint, List<CustomerEvent> events, int actions)
            throws Exception {
        JobClient job = TestJobs.restore(config, savepoint);
        io.sendEvents(config.eventsTopic(), events);
        io.awaitActions(config, TestJobs.whileRunning(job, done -> done.size() >= actions));
        TestJobs.stopWithSavepoint(job, work.resolve("savepoints"));
        return io.readCommitted(config.actionTopics(), Action.class);
    }

    private JobConfig config(String ns) throws Exception {
        JobConfig config = TestConfigs.namespaced(KAFKA.kafka().bootstrapServers(), ns)
                .watermarkMode(JobConfig.WatermarkMode.DETERMINISTIC)
                .journeysDir(TestConfigs.writeJourneys(work.resolve("journeys"), CART_REMINDER, POST_PURCHASE))
                .build();
        KAFKA.kafka().createJourneyflowTopics(PARTITIONS, config.journeysTopic(), config.plainTopics());
        return config;
    }

    /** The watermark once every partition has seen an event at {@code time}. */
    private static long watermarkAfter(long time, JobConfig config) {
        return time - config.outOfOrderness().toMillis() - 1;
    }
}
