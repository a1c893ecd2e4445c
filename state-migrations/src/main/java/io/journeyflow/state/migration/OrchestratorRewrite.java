package io.journeyflow.state.migration;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.state.StateToolException;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.SavedState;
import io.journeyflow.state.savepoint.Savepoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;

/**
 * Rewrites the orchestrator's per-customer state in a copy of a savepoint ({@link OperatorRewrite}) and writes its
 * broadcast journey catalog again, unchanged: the procedure a {@code CustomerState} migration follows (see
 * state-migrations/README.md). The new layout's function gets each customer's {@code CustomerState} and timers.
 *
 * @param check a value state of the new layout that every customer has, to count what was written
 */
public record OrchestratorRewrite<C>(ValueStateDescriptor<C> check, TypeInformation<C> checkType, int parallelism) {

    /** @return how many customers were rewritten */
    public long apply(Savepoint source, String target,
                      KeyedStateBootstrapFunction<String, SavedState<String, CustomerState>> newLayout) {
        source.require("rewrite", OperatorIds.ORCHESTRATOR);
        List<JourneyRecord> catalog = catalog(source);
        return new OperatorRewrite<>(OperatorIds.ORCHESTRATOR, StateDescriptors.customerState(),
                StreamTypes.CUSTOMER_STATE, check, checkType, parallelism)
                .apply(source, target, (timestamp, path) ->
                        SimpleOperatorFactory.of(new CatalogKeepingOperator<>(timestamp, path, newLayout, catalog)));
    }

    /** The catalog as one orchestrator instance kept it (every instance keeps all of it). */
    private List<JourneyRecord> catalog(Savepoint source) {
        MapStateDescriptor<String, JourneyRecord> descriptor = StateDescriptors.journeyCatalog();
        List<JourneyRecord> journeys = new ArrayList<>();
        try {
            LocalFlink.collect(SavepointReader.read(LocalFlink.batch(1), source.path())
                    .readBroadcastState(OperatorIdentifier.forUid(OperatorIds.ORCHESTRATOR.uid()),
                            descriptor.getName(), Types.STRING, StreamTypes.JOURNEY_RECORD),
                    "reading the journey catalog of " + source.path(), entry -> journeys.add(entry.f1));
        } catch (IOException e) {
            throw new StateToolException("cannot read the journey catalog of " + source.path() + ": "
                    + LocalFlink.rootCause(e), e);
        }
        return journeys;
    }
}
