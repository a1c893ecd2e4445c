package io.journeyflow.job.orchestrator;

import io.journeyflow.core.engine.EngineOptions;
import io.journeyflow.core.engine.JourneyEngine;
import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs the journey engine per customer (keyed by customer id), with the journey catalog broadcast to every instance.
 * The engine decides; this function only loads and stores the customer's state ({@link CustomerStore}, which
 * {@link JourneyOrchestratorOperator} may back with a cache), keeps one event-time timer at the earliest due time of
 * that state ({@link TimerSync}), and forwards decisions (actions out, journey events to a side output). An event the
 * engine fails on goes to the dead-letter side output.
 */
public final class JourneyOrchestrator
        extends KeyedBroadcastProcessFunction<String, CustomerEvent, JourneyRecord, Action> {

    private final List<JourneyRecord> initialCatalog;
    private final String policyText;
    private final long until;

    private transient CustomerStore customers;
    private transient JourneyEngine engine;
    private transient DeployedJourneys journeys;
    private transient TimerSync timers;
    private transient VersionCensus census;
    private transient OrchestratorOutput output;
    /** Bound once: the output is rebound to each call's context, and the hot path allocates nothing for the census. */
    private transient Consumer<CensusReport> censusAnswers;
    private transient Counter ignoredAfterUntil;

    /**
     * @param initialCatalog journeys known before the first broadcast arrives (the start-up folder's)
     * @param policyText the contact policy document, already validated ({@code ""}: the default policy)
     * @param until events after it are ignored and timers after it do nothing; {@code null}: no limit
     */
    public JourneyOrchestrator(List<JourneyRecord> initialCatalog, String policyText, Instant until) {
        this.initialCatalog = List.copyOf(initialCatalog);
        this.policyText = policyText;
        this.until = until == null ? Long.MAX_VALUE : until.toEpochMilli();
    }

    @Override
    public void open(OpenContext openContext) {
        customers = new CustomerStore(getRuntimeContext().getState(StateDescriptors.customerState()));
        engine = new JourneyEngine(EngineOptions.defaults(), PolicyReader.read(policyText));
        output = new OrchestratorOutput(getRuntimeContext().getMetricGroup());
        censusAnswers = output::censusAnswer;
        ignoredAfterUntil = getRuntimeContext().getMetricGroup().counter("eventsIgnoredAfterUntil");
        journeys = new DeployedJourneys(initialCatalog, getRuntimeContext().getMetricGroup());
        timers = new TimerSync();
        census = new VersionCensus(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
    }

    @Override
    public void processElement(CustomerEvent event, ReadOnlyContext ctx, Collector<Action> out) throws Exception {
        if (event.getTs() > until) {
            ignoredAfterUntil.inc();
            return;
        }
        if (!journeys.broadcastStateRead()) {
            journeys.read(ctx.getBroadcastState(StateDescriptors.journeyCatalog()));
        }
        CustomerState state = customers.load(ctx.getCurrentKey());
        timers.capture(state, Long.MIN_VALUE);
        census.capture(state);
        CustomerState after;
        try {
            after = engine.onEvent(journeys.catalog(), state, event, output.to(out, ctx));
        } catch (RuntimeException e) {
            // An event the engine cannot handle would fail the job on every restart: park it, with the reason.
            output.engineFailed(event, e);
            keepAfterFailure(state, ctx);
            return;
        }
        store(state, after, ctx);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Action> out) throws Exception {
        if (time > until) {
            return;
        }
        if (!journeys.broadcastStateRead()) {
            journeys.read(ctx.getBroadcastState(StateDescriptors.journeyCatalog()));
        }
        CustomerState state = customers.load(ctx.getCurrentKey());
        timers.capture(state, time);
        census.capture(state);
        CustomerState after;
        try {
            after = engine.onTime(journeys.catalog(), state, ctx.getCurrentKey(), time, output.to(out, ctx));
        } catch (RuntimeException e) {
            // The failed due time waits for the customer's next event; the timer moves on to the next due time, which
            // would otherwise wait too.
            output.engineFailed(ctx.getCurrentKey(), time, e);
            keepAfterFailure(state, ctx);
            return;
        }
        store(state, after, ctx);
    }

    @Override
    public void processBroadcastElement(JourneyRecord record, Context ctx, Collector<Action> out) throws Exception {
        journeys.apply(record, ctx.getBroadcastState(StateDescriptors.journeyCatalog()));
        census.onRecord(record,
                visitor -> {
                    // The scan reads the backend, which must hold every customer's latest state.
                    customers.flush();
                    ctx.applyToKeyedState(StateDescriptors.customerState(),
                            (customerId, state) -> visitor.accept(state.value()));
                },
                report -> ctx.output(StreamTypes.CENSUS, report));
    }

    /**
     * Keeps what the engine did before it failed: it changes the state in place, and what it emitted meanwhile has
     * gone out. The heap backend holds that very object, so RocksDB must store it too, or the two would differ (a
     * deadline fired before the failure would fire again from RocksDB, and send its action twice).
     */
    private void keepAfterFailure(CustomerState state, ReadOnlyContext ctx) throws Exception {
        if (state != null) {
            store(state, state, ctx);
        }
    }

    /**
     * Stores the new state (skipping the write for a customer who had none and still has none), syncs timers and
     * counts the customer out of the closed versions it left.
     */
    private void store(CustomerState before, CustomerState after, ReadOnlyContext ctx) throws Exception {
        timers.apply(after, ctx.timerService());
        census.settle(after, censusAnswers);
        if (after != null) {
            customers.store(ctx.getCurrentKey(), after);
        } else if (before != null) {
            customers.erase(ctx.getCurrentKey());
        }
    }

    /** For {@link JourneyOrchestratorOperator}, which turns the cache on and flushes it. */
    CustomerStore customers() {
        return customers;
    }
}
