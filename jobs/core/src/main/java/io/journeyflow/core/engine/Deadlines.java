package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.StepKind;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.Suppression;
import java.util.Map;

/** Fires deadlines in time order (ties: higher priority first, then journey id), each at its own time, cascading. */
final class Deadlines {

    private final Emitter emit;
    private final InstanceRunner runner;

    Deadlines(Emitter emit, InstanceRunner runner) {
        this.emit = emit;
        this.runner = runner;
    }

    /** Fires every deadline at or before {@code until}, including those that firing creates. */
    void fireUntil(JourneyCatalog catalog, CustomerState state, long until) {
        Map<String, JourneyInstance> instances = state.getInstances();
        while (true) {
            String dueId = null;
            long due = 0;
            for (Map.Entry<String, JourneyInstance> entry : instances.entrySet()) {
                Long deadline = entry.getValue().getDeadline();
                if (deadline != null && deadline <= until && (dueId == null || deadline < due
                        || deadline == due && Instances.before(catalog, entry.getKey(), entry.getValue(), dueId,
                                instances.get(dueId)))) {
                    dueId = entry.getKey();
                    due = deadline;
                }
            }
            if (dueId == null) {
                return;
            }
            fire(catalog, state, dueId, instances.get(dueId), due);
        }
    }

    private void fire(JourneyCatalog catalog, CustomerState state, String journeyId, JourneyInstance instance, long due) {
        instance.setDeadline(null);
        CompiledJourney journey = catalog.pinned(journeyId, instance.getVersion());
        int index = journey == null ? CompiledJourney.NO_STEP : journey.indexOf(instance.getStepId());
        if (index == CompiledJourney.NO_STEP) {
            // Only state written by something else can point nowhere; end it visibly rather than loop on it.
            emit.ended(journeyId, instance, "error:unknown_step", due);
            Instances.close(state, journeyId, journey, due);
            return;
        }
        CompiledStep step = journey.step(index);
        if (step.kind() == StepKind.ACTION) {
            if (!runner.resumeDeferred(journey, instance, index, due)) {
                Instances.close(state, journeyId, journey, due);
            }
            return;
        }
        int target = step.next();
        String cause = "waited at " + step.id();
        if (step.kind() == StepKind.WAIT_FOR) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.timed_out, step.id(),
                    "no " + step.eventType() + " in time", due);
            target = step.onTimeout();
            cause = "timed out at " + step.id();
        }
        if (!runner.run(journey, instance, target, due, cause)) {
            Instances.close(state, journeyId, journey, due);
        }
    }

    /** {@link #lastLapse} when the state keeps nothing that lapses. */
    static final long NOTHING_LAPSES = Long.MIN_VALUE;

    /**
     * Every distinct time the state needs: instance deadlines (waits, timeouts, deferred actions), and one time to tidy
     * up, {@link #lastLapse}, written into {@code into}, which must hold {@link #capacity} of them. Nothing is boxed.
     *
     * @return how many were written
     */
    static int dueTimes(CustomerState state, long[] into) {
        int count = 0;
        for (JourneyInstance instance : state.getInstances().values()) {
            Long deadline = instance.getDeadline();
            if (deadline != null) {
                count = offer(deadline, into, count);
            }
        }
        long tidyAt = lastLapse(state);
        return tidyAt == NOTHING_LAPSES ? count : offer(tidyAt, into, count);
    }

    /** The earliest of {@link #dueTimes} after {@code after}, or {@code Long.MIN_VALUE}; runs once per event. */
    static long next(CustomerState state, long after) {
        long next = Long.MAX_VALUE;
        boolean found = false;
        for (JourneyInstance instance : state.getInstances().values()) {
            Long deadline = instance.getDeadline();
            if (deadline != null && deadline > after && deadline <= next) {
                next = deadline;
                found = true;
            }
        }
        long tidyAt = lastLapse(state);
        if (tidyAt != NOTHING_LAPSES && tidyAt > after && tidyAt <= next) {
            next = tidyAt;
            found = true;
        }
        return found ? next : Long.MIN_VALUE;
    }

    /**
     * When everything the state keeps only for a while (re-entry history, suppressions, ledger entries) has lapsed,
     * or {@link #NOTHING_LAPSES}. One time for all of them, the latest, rather than one each: lapsed records change
     * no decision (every check compares times), each call tidies what has lapsed by then, so a timer is needed only to
     * tidy a customer who went quiet, and one suffices. With a timer per record, over bench-job's input, one event in
     * five was followed by a firing that only tidied.
     */
    static long lastLapse(CustomerState state) {
        long latest = NOTHING_LAPSES;
        for (JourneyHistory history : state.getHistory().values()) {
            Long forgetAt = history.getForgetAt();
            if (forgetAt != null) {
                latest = Math.max(latest, forgetAt);
            }
        }
        for (Suppression suppression : state.getSuppressions().values()) {
            latest = Math.max(latest, suppression.getUntil());
        }
        return Math.max(latest, Ledger.lastForgetAt(state));
    }

    /** The most due times {@link #dueTimes} can write for this state. */
    static int capacity(CustomerState state) {
        return state.getInstances().size() + 1;
    }

    private static int offer(long value, long[] into, int count) {
        for (int i = 0; i < count; i++) {
            if (into[i] == value) {
                return count;
            }
        }
        into[count] = value;
        return count + 1;
    }
}
