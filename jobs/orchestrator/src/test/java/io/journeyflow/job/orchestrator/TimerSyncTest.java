package io.journeyflow.job.orchestrator;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.T0;
import static io.journeyflow.job.TestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.TestData;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;

/** One event-time timer per customer, at the earliest due time, recorded in the state and moved on as it fires. */
class TimerSyncTest extends OrchestratorHarnessTest {

    /** Enters with the cart reminder (due in 1 hour) and waits 3 hours more; no exit. */
    private static final JourneyRecord FOLLOW_UP = TestData.deployed("cart-follow-up", """
            id: cart-follow-up
            version: 1
            entry:
              event: cart_updated
            steps:
              - {id: wait-3h, wait: 3h}
              - {id: follow-up, action: {channel: sms, template: cart-follow-up}}
            """);
    private static final List<JourneyRecord> JOURNEYS = List.of(TestData.deployed("cart-reminder", CART_REMINDER),
            FOLLOW_UP);

    @OnEachBackend
    void twoDeadlinesShareOneTimerThatMovesOnWhenItFires(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(JOURNEYS, "", null), null, backend);

        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(customer("c-1").value().getTimerAt()).isEqualTo(T0 + HOUR);

        harness.processWatermark(T0 + HOUR);
        assertThat(templates()).containsExactly("cart-reminder-1");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(customer("c-1").value().getTimerAt()).isEqualTo(T0 + 3 * HOUR);

        harness.processWatermark(T0 + 3 * HOUR - 1);
        assertThat(templates()).hasSize(1);
        harness.processWatermark(T0 + 3 * HOUR);
        assertThat(templates()).containsExactly("cart-reminder-1", "cart-follow-up");
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(OrchestratorHarness.customersWithState(harness)).isZero();
    }

    @OnEachBackend
    void anExitHandsTheTimerToTheNextDueTime(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(JOURNEYS, "", null), null, backend);

        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-1", "purchase", T0 + 10 * MINUTE), T0 + 10 * MINUTE);

        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(customer("c-1").value().getTimerAt()).isEqualTo(T0 + 3 * HOUR);
        harness.processWatermark(T0 + 3 * HOUR);
        assertThat(templates()).containsExactly("cart-follow-up");
    }

    /** State from before {@code timer_at} has a timer per due time: the first call leaves one. */
    @OnEachBackend
    void stateWithATimerPerDueTimeIsLeftWithOne(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(JOURNEYS, "", null), null, backend);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-2", "cart_updated", T0), T0);
        asWrittenBefore("c-1");
        asWrittenBefore("c-2");
        // Such state only ever arrives by a restore.
        OperatorSubtaskState before = harness.snapshot(1, T0);
        harness.close();
        harness = OrchestratorHarness.open(new JourneyOrchestrator(JOURNEYS, "", null), before, backend);
        assertThat(harness.numEventTimeTimers()).isEqualTo(4);

        harness.processElement(event("e-3", "c-1", "page_view", T0 + MINUTE), T0 + MINUTE);
        harness.processWatermark(T0 + HOUR);

        assertThat(harness.numEventTimeTimers()).as("one each, at 3 hours").isEqualTo(2);
        assertThat(customer("c-1").value().getTimerAt()).isEqualTo(T0 + 3 * HOUR);
        assertThat(customer("c-2").value().getTimerAt()).isEqualTo(T0 + 3 * HOUR);
        harness.processWatermark(T0 + 3 * HOUR);
        assertThat(templates()).containsExactlyInAnyOrder("cart-reminder-1", "cart-reminder-1", "cart-follow-up",
                "cart-follow-up");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** What the job before 0.2 left: no {@code timer_at} (which reads as its default), and a timer at each due time. */
    private void asWrittenBefore(String customerId) throws Exception {
        ValueState<CustomerState> state = customer(customerId);
        CustomerState value = state.value();
        value.setTimerAt(TimerSync.WRITTEN_BEFORE_0_2);
        state.update(value);
        var operator = (CoBroadcastWithKeyedOperator<?, ?, ?, ?>) harness.getOperator();
        operator.getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, operator)
                .registerEventTimeTimer(VoidNamespace.INSTANCE, T0 + 3 * HOUR);
    }

    /** The customer's state as the backend holds it. */
    private ValueState<CustomerState> customer(String customerId) throws Exception {
        OrchestratorHarness.flushCustomers(harness);
        var operator = harness.getOperator();
        operator.setCurrentKey(customerId);
        return operator.getKeyedStateBackend().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, StateDescriptors.customerState());
    }

    private List<String> templates() {
        return harness.extractOutputValues().stream().map(Action::getTemplate).toList();
    }
}
