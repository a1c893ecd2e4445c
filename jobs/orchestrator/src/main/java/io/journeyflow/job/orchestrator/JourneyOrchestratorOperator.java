package io.journeyflow.job.orchestrator;

import io.journeyflow.job.StateDescriptors;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.List;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;

/**
 * Flink's keyed broadcast operator around {@link JourneyOrchestrator}, with the two hooks its cache of recent customers
 * ({@link CustomerStore}) needs and a function cannot reach: switching the current key to write another customer back,
 * and writing every changed customer before the keyed state is snapshotted.
 */
public final class JourneyOrchestratorOperator
        extends CoBroadcastWithKeyedOperator<String, CustomerEvent, JourneyRecord, Action> {

    private final int customerCache;
    private final int customerCacheChanged;

    /**
     * @param customerCache customers kept decoded between events when the backend serializes state (RocksDB); 0: none
     * @param customerCacheChanged how many of them may hold changes not yet written back ({@code JobConfig}); 0: any
     */
    public JourneyOrchestratorOperator(JourneyOrchestrator orchestrator, int customerCache, int customerCacheChanged) {
        super(orchestrator, List.of(StateDescriptors.journeyCatalog()));
        if (customerCache < 0 || customerCacheChanged < 0) {
            throw new IllegalArgumentException("customerCache (" + customerCache + ") and customerCacheChanged ("
                    + customerCacheChanged + ") must not be negative");
        }
        this.customerCache = customerCache;
        this.customerCacheChanged = customerCacheChanged;
    }

    @Override
    public void open() throws Exception {
        super.open();
        // True where reads return copies (RocksDB); the heap backend hands out its own objects, a cache of those
        // is waste.
        if (getKeyedStateBackend().isSafeToReuseKVState()) {
            orchestrator().customers().keepRecent(this, customerCache, customerCacheChanged,
                    getMetricGroup());
        }
    }

    /** Runs before the keyed state backend's snapshot, in checkpoints and savepoints alike. */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        orchestrator().customers().flush();
        super.snapshotState(context);
    }

    private JourneyOrchestrator orchestrator() {
        return (JourneyOrchestrator) userFunction;
    }
}
