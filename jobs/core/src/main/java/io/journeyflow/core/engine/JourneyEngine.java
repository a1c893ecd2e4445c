package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.ExitRule;
import io.journeyflow.core.definition.StepKind;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.profile.ProfileUpdater;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The journey engine: pure, deterministic decisions for one customer at a time. The caller owns the state: it loads
 * it, passes it in (or {@code null} for a customer never seen), and stores what comes back ({@code null} means
 * nothing is left to keep, so the caller clears the customer's state). The state passed in may be changed in place.
 *
 * <p>Timers: after each call the caller keeps one timer, at the state's earliest due time ({@link #nextDueTime}).
 * When it fires, {@link #onTime} handles everything due by then, and the next due time gets the timer. Records that
 * lapse are tidied by every call; for a customer who goes quiet, one due time ({@link #tidyAt}) tidies them all.
 *
 * <p>An {@code erase_customer} event ends every instance (reported as exits with outcome {@code erased}), reports the
 * erasure, and returns {@code null}: nothing of the customer is kept, not even the erasure's event id.
 *
 * <p>Not thread-safe: one engine per operator instance (it reuses its evaluation context between calls).
 */
public final class JourneyEngine {

    static final String ERASE = "erase_customer";

    private final EngineOptions options;
    private final ContactPolicy policy;
    private final Emitter emit = new Emitter();
    private final EvalContext context;
    private final Ids ids = new Ids();
    private final InstanceRunner runner;
    private final VersionUpdates versionUpdates;
    private final Deadlines deadlines;
    private final ProfileUpdater profiles;
    private final SuppressionTracker suppressions;

    /** An engine with the default contact policy: consent only, no caps, quiet hours or suppressions. */
    public JourneyEngine(EngineOptions options) {
        this(options, ContactPolicy.defaults());
    }

    public JourneyEngine(EngineOptions options, ContactPolicy policy) {
        this.options = options;
        this.policy = policy;
        this.context = new EvalContext(policy);
        this.runner = new InstanceRunner(emit, context, ids, options.maxStepsPerRun(), new ContactPolicies(policy));
        this.versionUpdates = new VersionUpdates(emit, runner);
        this.deadlines = new Deadlines(emit, runner);
        this.profiles = new ProfileUpdater(policy);
        this.suppressions = new SuppressionTracker(policy);
    }

    /**
     * Applies one event: deadlines at or before the event's time fire first (in time order), then the event goes to
     * instances in flight (exits, then waits), then to entries.
     *
     * @return the new state, or {@code null} when nothing is left to keep for this customer
     */
    public CustomerState onEvent(JourneyCatalog catalog, CustomerState state, CustomerEvent event, DecisionSink out) {
        long eventHash = EventIdHash.of(event.getEventId());
        if (state != null && RecentHashes.of(state).containsHash(eventHash)) {
            out.duplicateEvent(event);
            return state;
        }
        long time = event.getTs();
        begin(event.getCustomerId(), state, null, time, out);
        if (state != null) {
            versionUpdates.apply(catalog, state, time);
            deadlines.fireUntil(catalog, state, time);
        }
        if (event.getType().equals(ERASE)) {
            erase(catalog, state, event, out);
            return null;
        }
        state = remember(state, event);
        begin(event.getCustomerId(), state, event, time, out);
        if (state != null && !state.getInstances().isEmpty()) {
            offerToInstances(catalog, state, event);
        }
        List<CompiledJourney> entering = catalog.enteringOn(event.getType());
        for (int i = 0; i < entering.size(); i++) {
            state = enter(state, entering.get(i), event);
        }
        CustomerState kept = finish(catalog, state, time);
        // The event id is remembered only while something else is kept.
        if (kept != null && options.recentEventIds() > 0) {
            RecentHashes.of(kept).remember(eventHash, options.recentEventIds());
        }
        return kept;
    }

    /**
     * Time reached {@code time} for this customer: every deadline at or before it fires, in time order.
     *
     * @return the new state, or {@code null} when nothing is left to keep for this customer
     */
    public CustomerState onTime(JourneyCatalog catalog, CustomerState state, String customerId, long time, DecisionSink out) {
        if (state == null) {
            return null;
        }
        begin(customerId, state, null, time, out);
        versionUpdates.apply(catalog, state, time);
        deadlines.fireUntil(catalog, state, time);
        return finish(catalog, state, time);
    }

    /** Every distinct time at which this state needs {@link #onTime} to be called. */
    public static void dueTimes(CustomerState state, LongConsumer due) {
        if (state != null) {
            long[] times = new long[dueTimeCapacity(state)];
            int count = dueTimes(state, times);
            for (int i = 0; i < count; i++) {
                due.accept(times[i]);
            }
        }
    }

    /** What {@link #nextDueTime} returns when the state has no due time after the one asked about. */
    public static final long NO_DUE_TIME = Long.MIN_VALUE;

    /**
     * The earliest of {@link #dueTimes} after {@code after}, or {@link #NO_DUE_TIME}: the one time at which the caller
     * keeps a timer. Pass {@code Long.MIN_VALUE} for every due time; pass the time of the timer being handled to skip
     * due times it already covered (a due time the engine could not handle waits for the customer's next event).
     */
    public static long nextDueTime(CustomerState state, long after) {
        return Deadlines.next(state, after);
    }

    /**
     * The same due times, written into {@code into} (at least {@link #dueTimeCapacity} long) without allocating.
     *
     * @return how many were written
     */
    public static int dueTimes(CustomerState state, long[] into) {
        return Deadlines.dueTimes(state, into);
    }

    /**
     * The due time that is not an instance's deadline: when the last record kept only for a while (re-entry history,
     * a suppression, a ledger entry) lapses and the state is tidied; {@code null} when it keeps none.
     */
    public static Long tidyAt(CustomerState state) {
        long lastLapse = Deadlines.lastLapse(state);
        return lastLapse == Deadlines.NOTHING_LAPSES ? null : lastLapse;
    }

    /** How many due times {@link #dueTimes(CustomerState, long[])} can write for this state at most. */
    public static int dueTimeCapacity(CustomerState state) {
        return Deadlines.capacity(state);
    }

    private void begin(String customerId, CustomerState state, CustomerEvent event, long time, DecisionSink out) {
        emit.use(customerId, out);
        context.use(out, event, state == null ? null : state.getProfile(), time);
        runner.use(state);
    }

    /** Updates what the customer's state keeps from the event itself: the profile and suppressions. */
    private CustomerState remember(CustomerState state, CustomerEvent event) {
        String type = event.getType();
        boolean profiled = profiles.updates(type);
        boolean suppressing = suppressions.tracks(type);
        if (!profiled && !suppressing) {
            return state;
        }
        CustomerState updated = state == null ? StateCollections.emptyState() : state;
        if (profiled) {
            if (updated.getProfile() == null) {
                updated.setProfile(ProfileUpdater.empty());
            }
            profiles.apply(updated.getProfile(), event);
        }
        if (suppressing) {
            suppressions.apply(updated, event);
        }
        return updated;
    }

    private void erase(JourneyCatalog catalog, CustomerState state, CustomerEvent event, DecisionSink out) {
        int ended = 0;
        if (state != null) {
            for (String journeyId : Instances.inActingOrder(catalog, state)) {
                emit.ended(journeyId, state.getInstances().get(journeyId), "erased", event.getTs());
                ended++;
            }
        }
        out.erased(new Erasure(event.getCustomerId(), event.getEventId(), event.getTs(), state != null, ended));
    }

    private void offerToInstances(JourneyCatalog catalog, CustomerState state, CustomerEvent event) {
        Map<String, JourneyInstance> instances = state.getInstances();
        if (instances.size() == 1) {
            Map.Entry<String, JourneyInstance> only = instances.entrySet().iterator().next();
            offer(catalog, state, only.getKey(), only.getValue(), event);
            return;
        }
        for (String journeyId : Instances.inActingOrder(catalog, state)) {
            offer(catalog, state, journeyId, instances.get(journeyId), event);
        }
    }

    private void offer(JourneyCatalog catalog, CustomerState state, String journeyId, JourneyInstance instance,
            CustomerEvent event) {
        long time = event.getTs();
        CompiledJourney journey = catalog.pinned(journeyId, instance.getVersion());
        if (journey == null || time < instance.getEnteredAt()) {
            return;
        }
        String type = event.getType();
        List<ExitRule> exits = journey.exits();
        for (int i = 0; i < exits.size(); i++) {
            ExitRule exit = exits.get(i);
            if (exit.matchesType(type) && (exit.condition() == null || context.test(exit.condition(), journeyId, null))) {
                emit.ended(journeyId, instance, exit.outcome(), time);
                Instances.close(state, journeyId, journey, time);
                return;
            }
        }
        if (!journey.awaits(type) || time < instance.getStepEnteredAt()) {
            return;
        }
        int index = journey.indexOf(instance.getStepId());
        CompiledStep step = index == CompiledJourney.NO_STEP ? null : journey.step(index);
        if (step == null || step.kind() != StepKind.WAIT_FOR || !type.equals(step.eventType())
                || step.correlate() && !correlates(instance, event)
                || step.condition() != null && !context.test(step.condition(), journeyId, step.id())) {
            return;
        }
        String cause = type + " " + event.getEventId() + " at " + step.id();
        if (!runner.run(journey, instance, step.next(), time, cause)) {
            Instances.close(state, journeyId, journey, time);
        }
    }

    private static boolean correlates(JourneyInstance instance, CustomerEvent event) {
        Object actionId = event.getProperties().get("action_id");
        return actionId != null && instance.getLastActionId() != null
                && instance.getLastActionId().contentEquals(actionId.toString());
    }

    private CustomerState enter(CustomerState state, CompiledJourney journey, CustomerEvent event) {
        String journeyId = journey.id();
        long time = event.getTs();
        if (state != null && (state.getInstances().containsKey(journeyId)
                || !Reentry.admits(journey, state.getHistory().get(journeyId), time))) {
            return state;
        }
        if (journey.entryCondition() != null && !context.test(journey.entryCondition(), journeyId, null)) {
            return state;
        }
        CustomerState entered = state == null ? StateCollections.emptyState() : state;
        runner.use(entered);
        String customerId = event.getCustomerId();
        boolean heldOut = ids.bucket("holdout", customerId, journeyId) < journey.holdoutBasisPoints();
        JourneyInstance instance = new JourneyInstance(journey.version(),
                ids.instanceId(customerId, journeyId, event.getEventId()), journey.step(0).id(), time, time, null, null,
                heldOut, 0, null, false);
        StateCollections.instances(entered).put(journeyId, instance);
        String cause = "entered on " + event.getType() + " " + event.getEventId();
        emit.journeyEvent(journeyId, instance, JourneyEventKind.entered, null, cause, time);
        if (heldOut) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.held_out, null, InstanceRunner.HOLDOUT, time);
        }
        if (!runner.run(journey, instance, 0, time, cause)) {
            Instances.close(entered, journeyId, journey, time);
        }
        return entered;
    }

    /** Drops what can no longer matter. */
    private CustomerState finish(JourneyCatalog catalog, CustomerState state, long now) {
        if (state == null) {
            return null;
        }
        if (!state.getHistory().isEmpty()) {
            Reentry.prune(state, catalog, now);
        }
        if (!state.getLedger().isEmpty()) {
            Ledger.prune(state, now);
        }
        if (!state.getSuppressions().isEmpty()) {
            SuppressionTracker.prune(state, now);
        }
        if (state.getInstances().isEmpty() && state.getHistory().isEmpty() && state.getProfile() == null
                && state.getLedger().isEmpty() && state.getSuppressions().isEmpty()) {
            return null;
        }
        return state;
    }
}
