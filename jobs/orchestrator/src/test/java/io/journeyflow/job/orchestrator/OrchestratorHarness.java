package io.journeyflow.job.orchestrator;

import io.journeyflow.job.JobConfig;
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
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** The orchestrator in Flink's operator test harness, set up as the job sets it up. */
final class OrchestratorHarness {

    private OrchestratorHarness() {
    }

    /**
     * @param backend {@code hashmap}; {@code rocksdb}, with the job's default customer cache, which these tests never
     *     fill, so every customer reaches RocksDB through the flush before a snapshot; {@code rocksdb-evicting}, with
     *     a cache of one customer, so nearly every change of customer writes one back; or {@code rocksdb-16}, a cache
     *     of 16 customers of which at most two stay changed
     */
    static KeyedBroadcastOperatorTestHarness<String, CustomerEvent, JourneyRecord, Action> open(
            JourneyOrchestrator function, OperatorSubtaskState restoreFrom, String backend) throws Exception {
        JobConfig defaults = JobConfig.defaults();
        var operator = switch (backend) {
            case "rocksdb-evicting" -> new JourneyOrchestratorOperator(function, 1, 1);
            case "rocksdb-16" -> new JourneyOrchestratorOperator(function, 16, 2);
            default -> new JourneyOrchestratorOperator(function, defaults.customerCache(),
                    defaults.customerCacheChanged());
        };
        var harness = new KeyedBroadcastOperatorTestHarness<>(operator,
                CustomerEvent::getCustomerId, Types.STRING, 256, 1, 0);
        harness.setStateBackend(backend.startsWith("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
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
    static long customersWithState(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) throws Exception {
        flushCustomers(harness);
        try (var keys = harness.getOperator().getKeyedStateBackend()
                .getKeys(StateDescriptors.customerState().getName(), VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    /** Writes the customers the cache holds changed to the backend, as a snapshot would, so tests can read them there. */
    static void flushCustomers(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) throws Exception {
        ((JourneyOrchestrator) ((JourneyOrchestratorOperator) harness.getOperator()).getUserFunction()).customers().flush();
    }
}
