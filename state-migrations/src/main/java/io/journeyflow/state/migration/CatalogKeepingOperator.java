package io.journeyflow.state.migration;

import io.journeyflow.job.StateDescriptors;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.List;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.core.fs.Path;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.state.api.output.operators.KeyedStateBootstrapOperator;

/**
 * Writes the orchestrator's keyed state through a bootstrap function and, in every parallel instance, the whole
 * journey catalog as broadcast state, as the running orchestrator keeps it. Without the catalog, journeys deployed
 * through the control topic would be unknown after the restore: the control source resumes after them and the
 * registry only broadcasts changes.
 */
final class CatalogKeepingOperator<IN> extends KeyedStateBootstrapOperator<String, IN> {

    private static final long serialVersionUID = 1L;

    private final List<JourneyRecord> catalog;

    CatalogKeepingOperator(long timestamp, Path savepointPath, KeyedStateBootstrapFunction<String, IN> function,
                           List<JourneyRecord> catalog) {
        super(0L, timestamp, savepointPath, function);
        this.catalog = List.copyOf(catalog);
    }

    @Override
    public void open() throws Exception {
        super.open();
        BroadcastState<String, JourneyRecord> journeys =
                getOperatorStateBackend().getBroadcastState(StateDescriptors.journeyCatalog());
        for (JourneyRecord journey : catalog) {
            journeys.put(journey.getJourneyId(), journey);
        }
    }
}
