package io.journeyflow.job.orchestrator;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.T0;
import static io.journeyflow.job.TestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.TestData;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.state.CustomerState;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.junit.jupiter.api.Test;

/**
 * When the customer cache writes to RocksDB: a customer leaving it, the one changed longest ago once too many are
 * changed, and every changed one before a snapshot.
 */
class CustomerStoreTest extends OrchestratorHarnessTest {

    private static final JourneyOrchestrator CART_ONLY =
            new JourneyOrchestrator(List.of(TestData.deployed("cart-reminder", CART_REMINDER)), "", null);

    @Test
    void aChangedCustomerReachesRocksDbOnlyWhenItLeavesTheCache() throws Exception {
        harness = OrchestratorHarness.open(CART_ONLY, null, "rocksdb-evicting");

        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        assertThat(inRocksDb("c-1")).as("kept decoded, not yet written").isNull();
        harness.processElement(event("e-2", "c-2", "cart_updated", T0), T0);
        assertThat(inRocksDb("c-1")).as("written back when c-2 took its place").isNotNull();
        assertThat(inRocksDb("c-1").getTimerAt()).isEqualTo(T0 + HOUR);
        assertThat(inRocksDb("c-2")).isNull();

        harness.processWatermark(T0 + HOUR);
        assertThat(harness.extractOutputValues()).extracting(Action::getCustomerId)
                .containsExactlyInAnyOrder("c-1", "c-2");
    }

    @Test
    void aSnapshotHoldsWhatTheCacheHadNotWritten() throws Exception {
        harness = OrchestratorHarness.open(CART_ONLY, null, "rocksdb");
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-2", "cart_updated", T0), T0);
        assertThat(inRocksDb("c-1")).isNull();

        OperatorSubtaskState snapshot = harness.snapshot(1, T0);
        assertThat(inRocksDb("c-1")).isNotNull();
        assertThat(inRocksDb("c-2")).isNotNull();
        harness.close();

        harness = OrchestratorHarness.open(CART_ONLY, snapshot, "rocksdb");
        harness.processWatermark(T0 + HOUR);
        assertThat(harness.extractOutputValues()).extracting(Action::getCustomerId)
                .containsExactlyInAnyOrder("c-1", "c-2");
    }

    @Test
    void pastTheChangedCustomersAllowedTheOneChangedLongestAgoIsWrittenBack() throws Exception {
        harness = OrchestratorHarness.open(CART_ONLY, null, "rocksdb-16");
        harness.processElement(event("e-1", "c-1", "cart_updated", T0), T0);
        harness.processElement(event("e-2", "c-2", "cart_updated", T0), T0);
        harness.processElement(event("e-3", "c-1", "page_view", T0 + 1), T0 + 1);
        assertThat(inRocksDb("c-1")).as("two changed customers fit").isNull();

        harness.processElement(event("e-4", "c-3", "cart_updated", T0), T0);
        assertThat(inRocksDb("c-1")).as("changed first; changing it again kept its place").isNotNull();
        assertThat(inRocksDb("c-1").getTimerAt()).isEqualTo(T0 + HOUR);
        assertThat(inRocksDb("c-2")).isNull();
        assertThat(inRocksDb("c-3")).isNull();

        harness.processWatermark(T0 + HOUR);
        assertThat(harness.extractOutputValues()).extracting(Action::getCustomerId)
                .containsExactlyInAnyOrder("c-1", "c-2", "c-3");
    }

    /** What RocksDB itself holds for the customer, past the cache. */
    private CustomerState inRocksDb(String customerId) throws Exception {
        var operator = harness.getOperator();
        Object current = operator.getCurrentKey();
        operator.setCurrentKey(customerId);
        CustomerState state = operator.getKeyedStateBackend().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, StateDescriptors.customerState()).value();
        if (current != null) {
            operator.setCurrentKey(current);
        }
        return state;
    }
}
