package io.journeyflow.job.control;

import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.state.JourneyRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps every journey as deployed (keyed by journey id), judges each control record by {@link DeploymentRules},
 * answers every record on the deployments side output, and emits the whole journey record whenever it changed, for
 * the orchestrator's broadcast catalog.
 */
public final class JourneyRegistry extends KeyedProcessFunction<String, ControlRecord, JourneyRecord> {

    private transient ValueState<JourneyRecord> journey;
    private transient DeploymentRules rules;
    private transient Counter rejected;

    /** Records without a key share one key; the rules reject them all. */
    public static String keyOf(ControlRecord record) {
        return record.getKey() == null ? "" : record.getKey();
    }

    @Override
    public void open(OpenContext openContext) {
        journey = getRuntimeContext().getState(StateDescriptors.journeyRecord());
        rules = new DeploymentRules(new JourneyCompiler());
        rejected = getRuntimeContext().getMetricGroup().counter("deploymentsRejected");
    }

    @Override
    public void processElement(ControlRecord record, Context ctx, Collector<JourneyRecord> out) throws Exception {
        DeploymentRules.Outcome outcome = rules.apply(journey.value(), record);
        if (outcome.updated() != null) {
            journey.update(outcome.updated());
            out.collect(outcome.updated());
        }
        if (outcome.answer().getStatus() == DeploymentStatus.rejected) {
            rejected.inc();
        }
        ctx.output(StreamTypes.DEPLOYMENTS, outcome.answer());
    }
}
