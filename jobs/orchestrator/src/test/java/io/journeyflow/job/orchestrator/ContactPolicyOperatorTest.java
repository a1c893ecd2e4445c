package io.journeyflow.job.orchestrator;

import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestData;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.JourneyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deferred actions and erasure in the real operator: timers and keyed state, read back from the backend. */
class ContactPolicyOperatorTest extends OrchestratorHarnessTest {

    private static final JourneyRecord GREETING = TestData.deployed("greeting", """
            id: greeting
            version: 1
            entry: {event: go}
            steps:
              - {id: hello, action: {channel: email, template: hello}}
              - {id: later, wait: 3d}
              - {id: again, action: {channel: email, template: again}}
            """);
    private static final String QUIET_NIGHTS = "quiet_hours: {from: \"21:00\", to: \"08:00\"}";
    private static final long TEN_PM = Instant.parse("2025-03-01T22:00:00Z").toEpochMilli();
    private static final long EIGHT_AM = Instant.parse("2025-03-02T08:00:00Z").toEpochMilli();

    @OnEachBackend
    void anActionDeferredByQuietHoursFiresAtTheMorningsEventTime(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(List.of(GREETING), QUIET_NIGHTS, null), null, backend);

        harness.processElement(event("e-1", "c-1", "go", TEN_PM), TEN_PM);
        harness.processWatermark(EIGHT_AM - 1);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(EIGHT_AM);

        assertThat(harness.<Action>extractOutputValues()).singleElement().satisfies(action -> {
            assertThat(action.getTemplate()).isEqualTo("hello");
            assertThat(action.getDecidedAt()).isEqualTo(EIGHT_AM);
        });
        assertThat(OrchestratorHarness.sideOutput(harness, StreamTypes.JOURNEY_EVENTS))
                .filteredOn(e -> e.getKind() == JourneyEventKind.action_deferred).singleElement()
                .extracting(JourneyEvent::getReason).asString().startsWith("deferred:quiet_hours");
        assertThat(harness.numEventTimeTimers()).as("now waiting 3 days").isEqualTo(1);
    }

    @OnEachBackend
    void erasureLeavesZeroStateAndZeroTimersAndIsConfirmed(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(List.of(GREETING), QUIET_NIGHTS, null), null, backend);
        harness.processElement(new CustomerEvent("e-1", "c-1", "profile_updated", TEN_PM - HOUR, null,
                Map.of("time_zone", "Europe/Paris")), TEN_PM - HOUR);
        harness.processElement(event("e-2", "c-1", "go", TEN_PM), TEN_PM);
        harness.processElement(event("e-3", "c-2", "go", TEN_PM), TEN_PM);
        assertThat(OrchestratorHarness.customersWithState(harness)).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).as("one deferred action each").isEqualTo(2);

        harness.processElement(event("e-4", "c-1", "erase_customer", TEN_PM + 1), TEN_PM + 1);
        harness.processWatermark(EIGHT_AM + 10 * 24 * HOUR);

        assertThat(OrchestratorHarness.sideOutput(harness, StreamTypes.ERASURES)).singleElement().satisfies(erasure -> {
            assertThat(erasure.getCustomerId()).isEqualTo("c-1");
            assertThat(erasure.getHadState()).isTrue();
            assertThat(erasure.getInstancesEnded()).isEqualTo(1);
        });
        assertThat(harness.<Action>extractOutputValues()).extracting(Action::getCustomerId).containsOnly("c-2");
        assertThat(OrchestratorHarness.customersWithState(harness)).as("c-2 finished too").isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

}
