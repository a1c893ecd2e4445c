package io.journeyflow.job;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.POST_PURCHASE;
import static io.journeyflow.job.TestData.T0;
import static io.journeyflow.job.TestData.event;
import static io.journeyflow.job.TestData.shoppers;
import static io.journeyflow.job.TestData.ticks;
import static io.journeyflow.job.TestJobs.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.JourneyRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on a MiniCluster (parallelism 2) against a real Kafka broker, checked against the pure engine. */
class JourneyflowJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, restartQuickly());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    private final KafkaTestIO io = KAFKA.io();

    @TempDir
    Path journeysDir;

    @Test
    void actionsMatchWhatTheEngineDecidesForTheSameEvents(TestInfo test) throws Exception {
        JobConfig config = config(test, JobConfig.WatermarkMode.LIVE, CART_REMINDER, POST_PURCHASE);
        List<CustomerEvent> events = shoppers(0, 12, T0);
        io.sendEvents(config.eventsTopic(), events);
        List<Action> expected = EngineOracle.actions(TestData.cartAndPostPurchase(), events, Long.MAX_VALUE);
        assertThat(expected).extracting(Action::getChannel).contains("email", "push", "sms");

        JobClient job = TestJobs.start(config);
        io.awaitActions(config, actions -> actions.size() >= expected.size());
        TestJobs.cancel(job);

        assertThat(io.readCommitted(config.actionTopics(), Action.class))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRetiredJourneyIsRemovedOnceItsLastCustomerHasLeft(TestInfo test) throws Exception {
        JobConfig config = config(test, JobConfig.WatermarkMode.LIVE, CART_REMINDER);
        JobClient job = TestJobs.start(config);
        io.sendEvents(config.eventsTopic(), List.of(event("e-1", "c-1", "cart_updated", T0)));
        KafkaTestIO.await("c-1 to enter", WAIT,
                () -> io.readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class),
                events -> events.stream().anyMatch(e -> e.getKind() == JourneyEventKind.entered));

        io.send(List.of(new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8("cart-reminder"), null)));
        io.sendEvents(config.eventsTopic(), List.of(event("e-2", "c-1", "purchase", T0 + MINUTE)));
        List<JourneyDeployment> answers = KafkaTestIO.await("the journey to be removed", WAIT,
                () -> io.readCommitted(List.of(config.deploymentsTopic()), JourneyDeployment.class),
                a -> a.stream().anyMatch(answer -> answer.getStatus() == DeploymentStatus.removed));
        TestJobs.cancel(job);

        assertThat(answers).extracting(JourneyDeployment::getStatus).containsExactly(
                DeploymentStatus.accepted, DeploymentStatus.retired, DeploymentStatus.removed);
        assertThat(answers.get(2).getVersion()).as("the whole journey").isNull();
    }

    @Test
    void badRecordsBecomeDeadLettersWhileGoodOnesStillAct(TestInfo test) throws Exception {
        JobConfig config = config(test, JobConfig.WatermarkMode.LIVE, CART_REMINDER, POST_PURCHASE);
        AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
        List<CustomerEvent> good = shoppers(0, 4, T0);
        io.sendEvents(config.eventsTopic(), good);
        io.send(List.of(
                new ProducerRecord<>(config.eventsTopic(), KafkaTestIO.utf8("x"), KafkaTestIO.utf8("garbage{")),
                new ProducerRecord<>(config.eventsTopic(), KafkaTestIO.utf8("y"),
                        AvroCodec.of(JourneyRecord.class).encode(TestData.deployed("cart-reminder", CART_REMINDER))),
                new ProducerRecord<>(config.eventsTopic(), KafkaTestIO.utf8("z"),
                        codec.encode(event("e-bad", "", "cart_updated", T0))),
                new ProducerRecord<>(config.eventsTopic(), KafkaTestIO.utf8("w"), null)));
        List<Action> expected = EngineOracle.actions(TestData.cartAndPostPurchase(), good, Long.MAX_VALUE);

        JobClient job = TestJobs.start(config);
        io.awaitActions(config, actions -> actions.size() >= expected.size());
        List<DeadLetter> letters = KafkaTestIO.await("four dead letters", WAIT,
                () -> io.readCommitted(List.of(config.deadLettersTopic()), DeadLetter.class), l -> l.size() >= 4);
        TestJobs.cancel(job);

        assertThat(io.readCommitted(config.actionTopics(), Action.class))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(letters).hasSize(4).allSatisfy(letter -> {
            assertThat(letter.getSourceTopic()).isEqualTo(config.eventsTopic());
            assertThat(letter.getErrorClass()).isNotBlank();
            assertThat(letter.getErrorMessage()).isNotBlank();
        });
        assertThat(letters).filteredOn(l -> l.getOriginalBytes() == null).hasSize(1);
        assertThat(letters).extracting(DeadLetter::getErrorMessage).anyMatch(m -> m.contains("customer_id"));
    }

    @Test
    void aJourneyDeployedWhileRunningActsOnLaterEventsAndABrokenOneIsRejected(TestInfo test) throws Exception {
        JobConfig config = config(test, JobConfig.WatermarkMode.LIVE, CART_REMINDER);
        JobClient job = TestJobs.start(config);
        io.sendEvents(config.eventsTopic(), List.of(event("e-0a", "c-0", "cart_updated", T0),
                event("e-0b", "c-0", "purchase", T0 + MINUTE)));
        KafkaTestIO.await("c-0 to leave the cart journey", WAIT,
                () -> io.readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class),
                events -> events.stream().anyMatch(e -> e.getCustomerId().equals("c-0")
                        && e.getKind() == JourneyEventKind.converted));

        io.send(List.of(
                new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8("post-purchase"),
                        KafkaTestIO.utf8(POST_PURCHASE)),
                new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8("broken-journey"),
                        KafkaTestIO.utf8(TestData.BROKEN))));
        List<JourneyDeployment> answers = KafkaTestIO.await("answers to both documents", WAIT,
                () -> io.readCommitted(List.of(config.deploymentsTopic()), JourneyDeployment.class),
                a -> a.size() >= 3);
        io.sendEvents(config.eventsTopic(), List.of(event("e-1", "c-1", "purchase", T0 + 2 * MINUTE)));
        List<Action> actions = io.awaitActions(config, a -> a.stream().anyMatch(x -> x.getCustomerId().equals("c-1")));
        TestJobs.cancel(job);

        assertThat(answers).extracting(JourneyDeployment::getJourneyId, JourneyDeployment::getStatus)
                .containsExactlyInAnyOrder(tuple("cart-reminder", DeploymentStatus.accepted),
                        tuple("post-purchase", DeploymentStatus.accepted),
                        tuple("broken-journey", DeploymentStatus.rejected));
        assertThat(answers).filteredOn(a -> a.getStatus() == DeploymentStatus.rejected).singleElement()
                .satisfies(a -> assertThat(a.getErrors()).isNotEmpty());
        assertThat(actions).filteredOn(a -> a.getCustomerId().equals("c-1"))
                .extracting(Action::getJourneyId, Action::getChannel)
                .contains(tuple("post-purchase", "push"));
        assertThat(io.readCommitted(config.actionTopics(), Action.class))
                .noneMatch(a -> a.getCustomerId().equals("c-0") && a.getJourneyId().equals("post-purchase"));
    }

    @Test
    void aTaskManagerCrashChangesNoCommittedAction(TestInfo test, @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        JobConfig config = config(test, JobConfig.WatermarkMode.DETERMINISTIC, CART_REMINDER, POST_PURCHASE);
        List<CustomerEvent> before = new ArrayList<>(shoppers(0, 8, T0));
        before.addAll(ticks(T0 + 3 * HOUR, 2));
        List<CustomerEvent> after = new ArrayList<>(shoppers(8, 16, T0 + 4 * HOUR));
        after.addAll(ticks(T0 + 3 * 24 * HOUR, 2));
        List<CustomerEvent> all = new ArrayList<>(before);
        all.addAll(after);
        long finalWatermark = T0 + 3 * 24 * HOUR - config.outOfOrderness().toMillis() - 1;
        List<Action> expected = EngineOracle.actions(TestData.cartAndPostPurchase(), all, finalWatermark);
        assertThat(expected).extracting(Action::getChannel).contains("email", "push", "sms");
        assertThat(expected).extracting(Action::getCustomerId).contains("c-1", "c-15");

        JobClient job = TestJobs.start(config);
        io.sendEvents(config.eventsTopic(), before);
        io.awaitActions(config, actions -> !actions.isEmpty());
        cluster.terminateTaskManager(0).get();
        cluster.startTaskManager();
        io.sendEvents(config.eventsTopic(), after);
        io.awaitActions(config, actions -> actions.size() >= expected.size());
        int attempts = highestAttempt(cluster, job);
        TestJobs.cancel(job);

        assertThat(attempts).as("tasks restarted after the crash").isGreaterThanOrEqualTo(1);

        List<Action> committed = io.readCommitted(config.actionTopics(), Action.class);
        assertThat(committed).extracting(Action::getActionId).doesNotHaveDuplicates();
        assertThat(committed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void journeysCompetingForOneCustomerFollowTheContactPolicyAndErasureIsConfirmed(TestInfo test) throws Exception {
        String vipOffer = """
                id: vip-offer
                version: 1
                priority: 9
                entry: {event: cart_updated}
                steps: [{id: offer, action: {channel: email, template: vip}}]
                """;
        String rival = """
                id: rival
                version: 1
                priority: 5
                entry: {event: cart_updated}
                steps: [{id: push, action: {channel: push, template: rival}}]
                """;
        Path policies = journeysDir.resolveSibling(journeysDir.getFileName() + "-policies.yaml");
        Files.writeString(policies, """
                caps: [{id: email/day, channel: email, max: 1, per: 1d}]
                arbitration: {window: 0s}
                """);
        JobConfig config = config(test, JobConfig.WatermarkMode.LIVE, CART_REMINDER, vipOffer, rival).toBuilder()
                .policies(policies).build();
        CustomerEvent optOut = new CustomerEvent("opt-2", "c-2", "consent_changed", T0 - MINUTE, null,
                Map.of("channel", "email", "granted", false));
        io.sendEvents(config.eventsTopic(), List.of(optOut, event("cart-1", "c-1", "cart_updated", T0),
                event("cart-2", "c-2", "cart_updated", T0), event("cart-3", "c-3", "cart_updated", T0),
                event("erase-3", "c-3", "erase_customer", T0 + MINUTE)));

        JobClient job = TestJobs.start(config);
        List<Erasure> erasures = KafkaTestIO.await("the erasure", WAIT,
                () -> io.readCommitted(List.of(config.erasuresTopic()), Erasure.class), e -> !e.isEmpty());
        List<JourneyEvent> decided = KafkaTestIO.await("every journey to end", WAIT,
                () -> io.readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class),
                events -> events.stream().filter(e -> e.getKind() == JourneyEventKind.exited
                        || e.getKind() == JourneyEventKind.converted).count() >= 9);
        TestJobs.cancel(job);

        // c-1: the higher-priority offer takes the instant, the rival loses arbitration, and the reminder an hour
        // later finds the daily email cap used. c-2 opted out of email. c-3 is erased before its reminder is due.
        assertThat(io.readCommitted(config.actionTopics(), Action.class))
                .extracting(Action::getCustomerId, Action::getJourneyId, Action::getChannel)
                .containsExactlyInAnyOrder(tuple("c-1", "vip-offer", "email"), tuple("c-2", "rival", "push"),
                        tuple("c-3", "vip-offer", "email"));
        assertThat(decided).filteredOn(e -> e.getKind() == JourneyEventKind.action_suppressed)
                .extracting(JourneyEvent::getCustomerId, JourneyEvent::getJourneyId, JourneyEvent::getReason)
                .containsExactlyInAnyOrder(tuple("c-1", "rival", "arbitration:vip-offer"),
                        tuple("c-1", "cart-reminder", "capped:email/day"),
                        tuple("c-2", "vip-offer", "suppressed:consent"),
                        tuple("c-2", "cart-reminder", "suppressed:consent"),
                        tuple("c-3", "rival", "arbitration:vip-offer"));
        assertThat(erasures).singleElement().satisfies(erasure -> {
            assertThat(erasure.getCustomerId()).isEqualTo("c-3");
            assertThat(erasure.getInstancesEnded()).isEqualTo(1);
        });
    }

    /** A configuration with topics of the test's own, and the given journeys in the start-up folder. */
    private JobConfig config(TestInfo test, JobConfig.WatermarkMode mode, String... startupJourneys) throws Exception {
        String ns = test.getTestMethod().orElseThrow().getName();
        JobConfig config = TestConfigs.namespaced(KAFKA.kafka().bootstrapServers(), ns)
                .watermarkMode(mode)
                .journeysDir(TestConfigs.writeJourneys(journeysDir, startupJourneys))
                .build();
        KAFKA.kafka().createJourneyflowTopics(2, config.journeysTopic(), config.plainTopics());
        return config;
    }

    private static int highestAttempt(MiniCluster cluster, JobClient job) throws Exception {
        int highest = 0;
        for (AccessExecutionVertex vertex : cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
            highest = Math.max(highest, vertex.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return highest;
    }

    private static Configuration restartQuickly() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        return conf;
    }
}
