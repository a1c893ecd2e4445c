package io.journeyflow.job.time;

import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.EngineOracle;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.TestConfigs;
import io.journeyflow.job.TestData;
import io.journeyflow.job.TestJobs;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic watermarks come from the events alone, so a source subtask that owns no partition never moves event
 * time, and the job's deadlines would wait for it forever. The job reads the events topic with at most one subtask per
 * partition: here one partition, parallelism 2, and the cart reminders (deadlines) still fire.
 */
class FewerPartitionsThanSubtasksITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, TestJobs.noRestarts());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @Test
    void deadlinesFireWithOnePartitionAndTwoSubtasks(@TempDir Path journeys) throws Exception {
        JobConfig config = TestConfigs.namespaced(KAFKA.kafka().bootstrapServers(), "one-partition")
                .watermarkMode(JobConfig.WatermarkMode.DETERMINISTIC)
                .journeysDir(TestConfigs.writeJourneys(journeys, TestData.CART_REMINDER, TestData.POST_PURCHASE))
                .build();
        KAFKA.kafka().createJourneyflowTopics(1, config.journeysTopic(), config.plainTopics());
        assertThat(config.parallelism()).isEqualTo(2);
        assertThat(KafkaEnds.sources(config).eventsParallelism()).isEqualTo(1);

        List<CustomerEvent> events = new ArrayList<>(TestData.shoppers(0, 8, T0));
        events.addAll(TestData.ticks(T0 + 3 * 24 * HOUR, 1));
        long finalWatermark = T0 + 3 * 24 * HOUR - config.outOfOrderness().toMillis() - 1;
        List<Action> expected = EngineOracle.actions(TestData.cartAndPostPurchase(), events, finalWatermark);
        assertThat(expected).as("reminders, which only a deadline sends").extracting(Action::getStepId)
                .contains("reminder");

        JobClient job = TestJobs.start(config);
        KAFKA.io().sendEvents(config.eventsTopic(), events);
        List<Action> actions = KAFKA.io().awaitActions(config,
                TestJobs.whileRunning(job, a -> a.size() >= expected.size()));
        TestJobs.cancel(job);

        assertThat(actions).containsExactlyInAnyOrderElementsOf(expected);
    }
}
