package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.profile.ProfileUpdater;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.state.CustomerState;
import java.util.List;

/**
 * The journey engine: pure, deterministic decisions for one customer at a time. The caller owns the state: it loads
 * it, passes it in (or {@code null} for a customer never seen), and stores what comes back ({@code null} means
 * nothing is left to keep, so the caller clears the customer's state). The state passed in may be changed in place.
 *
 * <p>Timers: after each call the caller keeps one timer, at the state's earliest due time ({@link DueTimes#next}).
 * When it fires, {@link #onTime} handles everything due by then, and the next due time gets the timer. Records that
 * lapse are tidied by every call; for a customer who goes quiet, one due time ({@link DueTimes#tidyAt}) tidies them
 * all.
 *
 * <p>An {@code erase_customer} event ends every instance (reported as exits with outcome {@code erased}), reports the
 * erasure, and returns {@code null}: nothing of the customer is kept, not even the erasure's event id.
 *
 * <p>Not thread-safe: one engine per operator instance (it reuses its evaluation context between calls).
 */
public final class JourneyEngine {

    static final String ERASE = "erase_customer";

    private final EngineOptions options;
    private final Emitter emit = new Emitter();
    private final EvalContext context;
    private final InstanceRunner runner;
    private final InFlight inFlight;
    private final Entries entries;
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
        this.context = new EvalContext(policy);
        Ids ids = new Ids();
        this.runner = new InstanceRunner(emit, context, ids, options.maxStepsPerRun(), new ContactPolicies(policy));
        this.inFlight = new InFlight(emit, context, runner);
        this.entries = new Entries(emit, context, ids, runner);
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
            inFlight.offer(catalog, state, event);
        }
        List<CompiledJourney> entering = catalog.enteringOn(event.getType());
        for (int i = 0; i < entering.size(); i++) {
            state = entries.enter(state, entering.get(i), event);
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
    public CustomerState onTime(JourneyCatalog catalog, CustomerState state, String customerId, long time,
            DecisionSink out) {
        if (state == null) {
            return null;
        }
        begin(customerId, state, null, time, out);
        versionUpdates.apply(catalog, state, time);
        deadlines.fireUntil(catalog, state, time);
        return finish(catalog, state, time);
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
