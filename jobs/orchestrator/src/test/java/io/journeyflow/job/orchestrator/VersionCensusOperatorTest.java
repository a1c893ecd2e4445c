package io.journeyflow.job.orchestrator;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.T0;
import static io.journeyflow.job.TestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestData;
import io.journeyflow.job.control.CensusRules;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.List;
import java.util.Map;

/** The orchestrator answers census requests: counted once from its keyed state, then as customers leave. */
class VersionCensusOperatorTest extends OrchestratorHarnessTest {

    private static final JourneyRecord V1 = TestData.deployed("cart-reminder", CART_REMINDER);

    @OnEachBackend
    void customersOnARetiredJourneyAreCountedThenCountedOutAsTheyLeave(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(List.of(V1), "", null), null, backend);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-2", "cart_updated", T0), T0);
        harness.processElement(event("e-3", "c-3", "page_view", T0), T0);

        harness.processBroadcastElement(retired(7), T0);
        assertThat(answers()).containsExactly(answer(7, 2));

        harness.processElement(event("e-4", "c-1", "purchase", T0 + MINUTE), T0 + MINUTE);
        harness.processElement(event("e-5", "c-3", "page_view", T0 + MINUTE), T0 + MINUTE);
        assertThat(answers()).as("one customer still waits").hasSize(1);

        harness.processWatermark(T0 + HOUR);

        assertThat(actions()).as("the last customer finishes on the retired journey").hasSize(1);
        assertThat(answers()).containsExactly(answer(7, 2), answer(7, 0));
    }

    @OnEachBackend
    void aRemovalForgetsTheJourneyAndAnErasureCountsOut(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(List.of(V1), "", null), null, backend);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processBroadcastElement(retired(7), T0);
        harness.processBroadcastElement(retired(8), T0);
        assertThat(answers()).as("a second request is answered from the counts").containsExactly(
                answer(7, 1), answer(8, 1));

        harness.processElement(event("e-2", "c-1", "erase_customer", T0 + MINUTE), T0 + MINUTE);
        harness.processBroadcastElement(CensusRules.removal(retired(8)), T0);
        harness.processBroadcastElement(TestData.deployed("post-purchase", TestData.POST_PURCHASE), T0);
        harness.processElement(event("e-3", "c-2", "cart_updated", T0 + MINUTE), T0 + MINUTE);
        harness.processWatermark(T0 + 2 * HOUR);

        assertThat(answers()).containsExactly(answer(7, 1), answer(8, 1), answer(8, 0));
        assertThat(actions()).as("a removed journey admits nobody").isEmpty();
        assertThat(OrchestratorHarness.customersWithState(harness)).isZero();
    }

    @OnEachBackend
    void withoutACensusRequestNothingIsCounted(String backend) throws Exception {
        harness = OrchestratorHarness.open(new JourneyOrchestrator(List.of(V1), "", null), null, backend);
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);

        harness.processBroadcastElement(retired(0), T0);
        harness.processWatermark(T0 + HOUR);

        assertThat(actions()).hasSize(1);
        assertThat(answers()).isEmpty();
    }

    private static JourneyRecord retired(long census) {
        return JourneyRecord.newBuilder(V1).setStatus(JourneyStatus.retired).setCensus(census).build();
    }

    private static CensusReport answer(long census, long left) {
        return new CensusReport("cart-reminder", census, 0, 1, Map.of("1", left));
    }

    private List<CensusReport> answers() {
        return OrchestratorHarness.sideOutput(harness, StreamTypes.CENSUS);
    }

    private List<Action> actions() {
        return harness.extractOutputValues();
    }
}
