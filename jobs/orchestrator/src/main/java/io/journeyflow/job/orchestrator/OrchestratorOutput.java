package io.journeyflow.job.orchestrator;

import io.journeyflow.core.engine.DecisionSink;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.job.serde.AvroKafkaSerializer;
import io.journeyflow.job.serde.DecodedEvents;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the engine's decisions (and its failures) to the operator's outputs and counts them. Bound to each call's
 * outputs.
 */
final class OrchestratorOutput implements DecisionSink {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorOutput.class);
    /** The first word of a policy decision's reason: suppressed, capped, arbitration, expired, deferred, holdout. */
    private static final List<String> POLICY_OUTCOMES =
            List.of("suppressed", "capped", "arbitration", "expired", "deferred", "holdout");

    private final MetricGroup metrics;
    private final Map<String, Counter> actionsByChannel = new HashMap<>();
    private final Counter duplicates;
    private final Counter expressionFailures;
    private final Counter engineFailures;
    private final Counter erasures;
    private final Map<String, Counter> policyDecisions = new HashMap<>();
    private final AvroCodec<CustomerEvent> eventCodec = AvroCodec.of(CustomerEvent.class);
    private Collector<Action> actions;
    private KeyedBroadcastProcessFunction<String, CustomerEvent, JourneyRecord, Action>.ReadOnlyContext context;

    OrchestratorOutput(MetricGroup metrics) {
        this.metrics = metrics;
        this.duplicates = metrics.counter("duplicateEvents");
        this.expressionFailures = metrics.counter("expressionFailures");
        this.engineFailures = metrics.counter("engineFailures");
        this.erasures = metrics.counter("erasures");
        POLICY_OUTCOMES.forEach(this::policyCounter);
        // Registered up front so that every channel reports, zero included.
        JobConfig.CHANNELS.forEach(this::channelCounter);
    }

    /** The timer context is a read-only context too, so both paths bind the same way. */
    OrchestratorOutput to(
            Collector<Action> actions,
            KeyedBroadcastProcessFunction<String, CustomerEvent, JourneyRecord, Action>.ReadOnlyContext context) {
        this.actions = actions;
        this.context = context;
        return this;
    }

    private Counter channelCounter(String channel) {
        return actionsByChannel.computeIfAbsent(channel, c -> metrics.addGroup("channel", c).counter("actions"));
    }

    @Override
    public void action(Action action) {
        channelCounter(action.getChannel()).inc();
        actions.collect(action);
    }

    private Counter policyCounter(String outcome) {
        return policyDecisions.computeIfAbsent(outcome, o -> metrics.addGroup("policy", o).counter("actions"));
    }

    @Override
    public void journeyEvent(JourneyEvent event) {
        JourneyEventKind kind = event.getKind();
        if ((kind == JourneyEventKind.action_suppressed || kind == JourneyEventKind.action_deferred)
                && event.getReason() != null) {
            String reason = event.getReason();
            int colon = reason.indexOf(':');
            policyCounter(colon < 0 ? reason : reason.substring(0, colon)).inc();
        }
        context.output(StreamTypes.JOURNEY_EVENTS, event);
    }

    @Override
    public void erased(Erasure erasure) {
        erasures.inc();
        context.output(StreamTypes.ERASURES, erasure);
    }

    /** A closed journey version emptied in this subtask (the output is bound to the current call). */
    void censusAnswer(CensusReport report) {
        context.output(StreamTypes.CENSUS, report);
    }

    @Override
    public void duplicateEvent(CustomerEvent event) {
        duplicates.inc();
    }

    @Override
    public void expressionFailed(String journeyId, String stepId, String message) {
        expressionFailures.inc();
    }

    /**
     * The engine threw on an event: the event goes to the dead letters with the reason, as Avro bytes and as text
     * (the text survives even an event too broken to encode).
     */
    void engineFailed(CustomerEvent event, RuntimeException failure) {
        engineFailures.inc();
        byte[] bytes;
        try {
            bytes = eventCodec.encode(event);
        } catch (RuntimeException unencodable) {
            bytes = null;
        }
        DecodedEvents.Origin origin = new DecodedEvents.Origin(OperatorIds.ORCHESTRATOR.uid(), -1, -1,
                AvroKafkaSerializer.utf8(event.getCustomerId()), bytes, event.getTs());
        String message = failure.getMessage() + "; event: " + event;
        context.output(StreamTypes.DEAD_LETTERS,
                DecodedEvents.deadLetter(origin, failure.getClass().getName(), message).getDeadLetter());
    }

    /** The engine threw at a deadline: there is no input to keep, so it is logged and counted. */
    void engineFailed(String customerId, long time, RuntimeException failure) {
        engineFailures.inc();
        // Customer ids are personal data: the log shows a hash of the id only.
        LOG.error("journey engine failed at time {} for customer #{}", time, Integer.toHexString(customerId.hashCode()),
                failure);
    }
}
