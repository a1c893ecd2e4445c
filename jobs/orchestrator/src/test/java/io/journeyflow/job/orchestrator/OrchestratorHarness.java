package io.journeyflow.job.orchestrator;

import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** The orchestrator in Flink's operator test harness, set up as the job sets it up. */
final class OrchestratorHarness {

    private OrchestratorHarness() {
    }

    static KeyedBroadcastOperatorTestHarness<String, CustomerEvent, JourneyRecord, Action> open(
            JourneyOrchestrator function, OperatorSubtaskState restoreFrom, String backend) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(StateDescriptors.journeyCatalog())),
                CustomerEvent::getCustomerId, Types.STRING, 256, 1, 0);
        harness.setStateBackend(backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        harness.setup(StreamTypes.ACTION.createSerializer(harness.getExecutionConfig().getSerializerConfig()));
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        // As in the job: the control stream sits at the end of time, event time comes from the customer events.
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        return harness;
    }

    static <T> List<T> sideOutput(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness, OutputTag<T> tag) {
        var records = harness.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    /** Customers with state (the backend-wide count would include RocksDB's own timer bookkeeping). */
    static long customersWithState(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) {
        try (var keys = harness.getOperator().getKeyedStateBackend()
                .getKeys(StateDescriptors.customerState().getName(), VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }
}
