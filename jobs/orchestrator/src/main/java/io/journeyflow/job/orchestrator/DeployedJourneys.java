package io.journeyflow.job.orchestrator;

import io.journeyflow.core.engine.JourneyCatalog;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The orchestrator's side of the journey catalog: the broadcast state holds the deployed records (what checkpoints
 * keep), the {@link CatalogUpdater} their compiled form (what the engine runs). Versions that no longer compile are
 * counted in {@code catalogCompileFailures}.
 */
final class DeployedJourneys {

    private final CatalogUpdater compiled = new CatalogUpdater();
    private final Counter compileFailures;
    private boolean broadcastStateRead;

    /** @param startUp journeys known before the first broadcast arrives (the start-up folder's) */
    DeployedJourneys(List<JourneyRecord> startUp, MetricGroup metrics) {
        compileFailures = metrics.counter("catalogCompileFailures");
        startUp.forEach(this::deploy);
    }

    /**
     * Whether the broadcast state has been read. After a restore the catalog lives only there, and a function cannot
     * read it in {@code open}: the first call of either kind reads it ({@link #read}).
     */
    boolean broadcastStateRead() {
        return broadcastStateRead;
    }

    void read(ReadOnlyBroadcastState<String, JourneyRecord> state) throws Exception {
        if (broadcastStateRead) {
            return;
        }
        broadcastStateRead = true;
        for (Map.Entry<String, JourneyRecord> entry : state.immutableEntries()) {
            deploy(entry.getValue());
        }
    }

    JourneyCatalog catalog() {
        return compiled.catalog();
    }

    /** Applies a record from the registry: a journey with no versions left is removed. */
    void apply(JourneyRecord record, BroadcastState<String, JourneyRecord> state) throws Exception {
        read(state);
        if (record.getVersions().isEmpty()) {
            state.remove(record.getJourneyId());
            compiled.remove(record.getJourneyId());
        } else {
            state.put(record.getJourneyId(), record);
            deploy(record);
        }
    }

    private void deploy(JourneyRecord record) {
        compileFailures.inc(compiled.apply(record));
    }
}
