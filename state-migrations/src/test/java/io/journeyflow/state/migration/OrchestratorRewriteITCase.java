package io.journeyflow.state.migration;

import static io.journeyflow.state.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestJobs;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.state.RealJob;
import io.journeyflow.state.SavepointOfARealRun;
import io.journeyflow.state.savepoint.Savepoint;
import io.journeyflow.state.savepoint.ValueStateWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procedure a {@code CustomerState} migration follows, run on the real job with the identity as the new layout:
 * after the rewrite the job restores, every pending deadline fires exactly once, and a journey that was deployed
 * through the control topic (so known only to the orchestrator's broadcast catalog) still runs.
 */
class OrchestratorRewriteITCase {

    /** Deployed live, never in the start-up folder. */
    private static final String WIN_BACK = """
            id: win-back
            version: 1
            entry: {event: churn_risk}
            steps:
              - {id: pause, wait: 2h}
              - {id: offer, action: {channel: sms, template: win-back-offer}}
            """;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, new Configuration());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir
    Path dir;

    @Test
    void theJobRestoresFromARewriteWithItsDeadlinesAndItsLiveDeployedJourneys() throws Exception {
        JobConfig config = RealJob.config(KAFKA.kafka(), "rewrite", dir.resolve("journeys"),
                Map.of("cart-abandonment", SavepointOfARealRun.CART));
        JobClient first = RealJob.start(config, null);
        KAFKA.io().send(List.of(new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8("win-back"),
                KafkaTestIO.utf8(WIN_BACK))));
        KafkaTestIO.await("win-back to be deployed", RealJob.WAIT,
                () -> KAFKA.io().readCommitted(List.of(config.deploymentsTopic()), JourneyDeployment.class),
                answers -> answers.stream().anyMatch(a -> a.getJourneyId().equals("win-back")));
        RealJob.send(KAFKA.io(), config, List.of(event("k-1", "cart_updated", 0), event("w-1", "churn_risk", 5)));
        awaitJourneyEvents(config, "both customers to enter", JourneyEventKind.entered, 2);
        String before = RealJob.stopWithSavepoint(first, dir.resolve("before"));

        String after = dir.resolve("after").toUri().toString();
        long customers = new OrchestratorRewrite<>(StateDescriptors.customerState(), StreamTypes.CUSTOMER_STATE, 2)
                .apply(Savepoint.open(before), after, new ValueStateWriter<>(StateDescriptors.customerState()));
        assertThat(customers).isEqualTo(2);

        JobClient second = RealJob.start(config, after);
        RealJob.tick(KAFKA.io(), config, 300);
        List<Action> actions = KafkaTestIO.await("both deadlines to act", RealJob.WAIT,
                () -> KAFKA.io().readCommitted(config.actionTopics(), Action.class), sent -> sent.size() >= 2);
        RealJob.cancel(second);

        assertThat(actions).extracting(Action::getCustomerId, Action::getJourneyId, Action::getChannel)
                .containsExactlyInAnyOrder(tuple("k-1", "cart-abandonment", "email"), tuple("w-1", "win-back", "sms"));
        assertThat(KAFKA.io().readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class))
                .extracting(JourneyEvent::getReason).doesNotContain("error:unknown_step");
    }

    private static void awaitJourneyEvents(JobConfig config, String what, JourneyEventKind kind, int count)
            throws InterruptedException {
        KafkaTestIO.await(what, RealJob.WAIT,
                () -> KAFKA.io().readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class),
                events -> events.stream().filter(e -> e.getKind() == kind).count() >= count);
    }
}
