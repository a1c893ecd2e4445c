package io.journeyflow.job.orchestrator;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.T0;
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
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

class JourneyOrchestratorTest extends OrchestratorHarnessTest {

    private static final JourneyRecord CART = TestData.deployed("cart-reminder", CART_REMINDER);
    @OnEachBackend
    void aCustomerEntersWaitsAndTheDeadlineFiresOnTheWatermark(String backend) throws Exception {
        harness = open(new JourneyOrchestrator(List.of(CART), "", null), null, backend);

        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(keyedStateEntries()).isEqualTo(1);
        harness.processWatermark(T0 + HOUR - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(T0 + HOUR);

        Action action = actions().get(0);
        assertThat(actions()).hasSize(1);
        assertThat(action.getCustomerId()).isEqualTo("c-1");
        assertThat(action.getJourneyId()).isEqualTo("cart-reminder");
        assertThat(action.getStepId()).isEqualTo("reminder");
        assertThat(action.getChannel()).isEqualTo("email");
        assertThat(action.getTemplate()).isEqualTo("cart-reminder-1");
        assertThat(action.getDecidedAt()).isEqualTo(T0 + HOUR);
        assertThat(journeyEvents()).extracting(JourneyEvent::getKind).contains(JourneyEventKind.entered);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void anExitCancelsTheWaitAndItsTimer() throws Exception {
        harness = open(new JourneyOrchestrator(List.of(CART), "", null), null);

        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-1", "purchase", T0 + 10 * MINUTE), T0 + 10 * MINUTE);
        harness.processWatermark(T0 + 2 * HOUR);

        assertThat(actions()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(keyedStateEntries()).as("only the profile, which counts the purchase").isEqualTo(1);
    }

    @OnEachBackend
    void afterARestoreThePendingDeadlineFiresExactlyOnce(String backend) throws Exception {
        harness = open(new JourneyOrchestrator(List.of(CART), "", null), null, backend);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processWatermark(T0 + 30 * MINUTE);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = open(new JourneyOrchestrator(List.of(CART), "", null), snapshot, backend);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(T0 + HOUR);
        harness.processWatermark(T0 + 5 * HOUR);

        assertThat(actions()).singleElement().extracting(Action::getStepId).isEqualTo("reminder");
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void journeysDeployedByBroadcastAreRebuiltFromBroadcastStateAfterARestore() throws Exception {
        harness = open(new JourneyOrchestrator(List.of(), "", null), null);
        harness.processBroadcastElement(CART, T0);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = open(new JourneyOrchestrator(List.of(), "", null), snapshot);
        harness.processWatermark(T0 + HOUR);

        assertThat(actions()).singleElement().extracting(Action::getTemplate).isEqualTo("cart-reminder-1");
    }

    @Test
    void nothingHappensAfterUntil() throws Exception {
        Instant until = Instant.ofEpochMilli(T0 + 30 * MINUTE);
        harness = open(new JourneyOrchestrator(List.of(CART), "", until), null);

        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-2", "cart_updated", T0 + 31 * MINUTE), T0 + 31 * MINUTE);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(actions()).isEmpty();
        assertThat(journeyEvents()).extracting(JourneyEvent::getCustomerId).containsOnly("c-1");
    }

    @Test
    void anEventTheEngineFailsOnBecomesADeadLetterAndTheOthersGoOn() throws Exception {
        harness = open(new JourneyOrchestrator(List.of(CART), "", null), null);
        CustomerEvent malformed = event("e-1", "c-1", "cart_updated", T0);
        malformed.setType(null); // impossible after Avro decoding: a stand-in for any input the engine fails on

        harness.processElement(malformed, T0);
        harness.processElement(event("e-2", "c-2", "cart_updated", T0), T0);
        harness.processWatermark(T0 + HOUR);

        assertThat(harness.getSideOutput(StreamTypes.DEAD_LETTERS)).singleElement()
                .extracting(StreamRecord::getValue)
                .satisfies(letter -> {
                    assertThat(letter.getSourceTopic()).isEqualTo("journey-orchestrator");
                    assertThat(letter.getErrorClass()).isNotBlank();
                    assertThat(letter.getErrorMessage()).contains("e-1");
                    assertThat(letter.getRecordTimestamp()).isEqualTo(T0);
                });
        assertThat(actions()).extracting(Action::getCustomerId).containsExactly("c-2");
    }

    @OnEachBackend
    void whatTheEngineDidBeforeItFailedIsKeptOnEitherBackend(String backend) throws Exception {
        harness = open(new JourneyOrchestrator(List.of(CART), "", null), null, backend);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        CustomerEvent failing = event("e-2", "c-1", "page_view", T0 + 2 * HOUR);
        failing.setType(null); // the engine fires the reminder that is due first, then fails on the event itself

        harness.processElement(failing, T0 + 2 * HOUR);
        harness.processWatermark(T0 + 3 * HOUR);

        assertThat(actions()).as("sent before the failure, and not again by the deadline's timer").singleElement()
                .extracting(Action::getTemplate).isEqualTo("cart-reminder-1");
        assertThat(harness.getSideOutput(StreamTypes.DEAD_LETTERS)).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private static KeyedBroadcastOperatorTestHarness<String, CustomerEvent, JourneyRecord, Action> open(
            JourneyOrchestrator function, OperatorSubtaskState restoreFrom) throws Exception {
        return open(function, restoreFrom, "hashmap");
    }

    private static KeyedBroadcastOperatorTestHarness<String, CustomerEvent, JourneyRecord, Action> open(
            JourneyOrchestrator function, OperatorSubtaskState restoreFrom, String backend) throws Exception {
        return OrchestratorHarness.open(function, restoreFrom, backend);
    }

    private List<Action> actions() {
        return harness.extractOutputValues();
    }

    private List<JourneyEvent> journeyEvents() {
        return OrchestratorHarness.sideOutput(harness, StreamTypes.JOURNEY_EVENTS);
    }

    private long keyedStateEntries() throws Exception {
        return OrchestratorHarness.customersWithState(harness);
    }
}
