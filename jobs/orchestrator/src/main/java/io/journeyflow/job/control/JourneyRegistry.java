package io.journeyflow.job.control;

import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.state.CensusTally;
import io.journeyflow.schema.state.JourneyRecord;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps every journey as deployed (keyed by journey id), judges each control record by {@link DeploymentRules},
 * answers every record on the deployments side output, and emits the whole journey record whenever it changed, for
 * the orchestrator's broadcast catalog.
 *
 * <p>With a census (answers come back from the orchestrator through a topic), a journey with closed versions carries
 * a census request, asked again every census interval; {@link CensusRules} decide from the answers when a version, or
 * a retired journey, has no customer left, and the registry then drops it and answers {@code removed}.
 */
public final class JourneyRegistry extends KeyedProcessFunction<String, ControlRecord, JourneyRecord> {

    private final long censusInterval;

    private transient ValueState<JourneyRecord> journey;
    private transient ValueState<CensusTally> tally;
    private transient DeploymentRules rules;
    private transient Counter rejected;
    private transient Counter removed;
    private transient long askedSince;

    /** @param censusInterval how often to ask again; {@code null}: no census, journeys are never removed */
    public JourneyRegistry(Duration censusInterval) {
        this.censusInterval = censusInterval == null ? 0 : censusInterval.toMillis();
    }

    /** Records without a key share one key; the rules reject them all. */
    public static String keyOf(ControlRecord record) {
        return record.getKey() == null ? "" : record.getKey();
    }

    @Override
    public void open(OpenContext openContext) {
        journey = getRuntimeContext().getState(StateDescriptors.journeyRecord());
        tally = getRuntimeContext().getState(StateDescriptors.censusTally());
        rules = new DeploymentRules(new JourneyCompiler());
        rejected = getRuntimeContext().getMetricGroup().counter("deploymentsRejected");
        removed = getRuntimeContext().getMetricGroup().counter("journeyVersionsRemoved");
        askedSince = -1;
    }

    @Override
    public void processElement(ControlRecord record, Context ctx, Collector<JourneyRecord> out) throws Exception {
        if (askedSince < 0) {
            // Requests made before this run may have been answered from state that a restore rolled back.
            askedSince = ctx.timerService().currentProcessingTime();
        }
        if (record.getCensus() != null) {
            count(record, ctx, out);
            return;
        }
        DeploymentRules.Outcome outcome = rules.apply(journey.value(), record);
        if (outcome.updated() != null) {
            publish(askCensus(outcome.updated(), ctx), out);
        }
        if (outcome.answer().getStatus() == DeploymentStatus.rejected) {
            rejected.inc();
        }
        ctx.output(StreamTypes.DEPLOYMENTS, outcome.answer());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<JourneyRecord> out) throws Exception {
        JourneyRecord current = journey.value();
        // Earlier timers of a journey asked again since then find a newer request and do nothing.
        if (current != null && current.getCensus() != 0 && current.getCensus() + censusInterval <= time) {
            publish(askCensus(current, ctx), out);
        }
    }

    private void count(ControlRecord record, Context ctx, Collector<JourneyRecord> out) throws Exception {
        JourneyRecord current = journey.value();
        CensusRules.Outcome outcome = CensusRules.apply(current, tally.value(), record.getCensus(), askedSince);
        if (outcome == null) {
            return;
        }
        removed.inc(outcome.removed().size());
        if (outcome.journeyGone()) {
            journey.clear();
            tally.clear();
            out.collect(CensusRules.removal(current));
            ctx.output(StreamTypes.DEPLOYMENTS,
                    DeploymentRules.answer(current.getJourneyId(), null, DeploymentStatus.removed, record));
            return;
        }
        tally.update(outcome.tally());
        if (outcome.updated() != null) {
            publish(outcome.updated(), out);
        }
        for (int version : outcome.removed()) {
            ctx.output(StreamTypes.DEPLOYMENTS,
                    DeploymentRules.answer(current.getJourneyId(), version, DeploymentStatus.removed, record));
        }
    }

    /** Stamps a new census request on a journey with closed versions, and schedules the next one. */
    private JourneyRecord askCensus(JourneyRecord record, Context ctx) {
        if (censusInterval == 0 || CensusRules.closedVersions(record).isEmpty()) {
            return record;
        }
        long census = Math.max(ctx.timerService().currentProcessingTime(), record.getCensus() + 1);
        ctx.timerService().registerProcessingTimeTimer(census + censusInterval);
        return JourneyRecord.newBuilder(record).setCensus(census).build();
    }

    private void publish(JourneyRecord record, Collector<JourneyRecord> out) throws Exception {
        journey.update(record);
        out.collect(record);
    }
}
