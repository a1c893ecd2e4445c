package io.journeyflow.core.engine;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.Suppression;
import java.util.function.LongConsumer;

/**
 * When a customer's state needs {@link JourneyEngine#onTime}: every instance's deadline (waits, timeouts, deferred
 * actions), and one time to tidy up, when the last record kept only for a while lapses ({@link #tidyAt}). The caller
 * keeps one timer, at {@link #next}; when it fires, the engine handles everything due by then.
 */
public final class DueTimes {

    /** What {@link #next} returns when the state has no due time after the one asked about. */
    public static final long NONE = Long.MIN_VALUE;

    private DueTimes() {
    }

    /**
     * The earliest due time after {@code after}, or {@link #NONE}: the one time at which the caller keeps a timer. Pass
     * {@code Long.MIN_VALUE} for every due time; pass the time of the timer being handled to skip due times it already
     * covered (a due time the engine could not handle waits for the customer's next event). Runs once per event.
     */
    public static long next(CustomerState state, long after) {
        long next = Long.MAX_VALUE;
        boolean found = false;
        for (JourneyInstance instance : state.getInstances().values()) {
            Long deadline = instance.getDeadline();
            if (deadline != null && deadline > after && deadline <= next) {
                next = deadline;
                found = true;
            }
        }
        long lastLapse = lastLapse(state);
        if (lastLapse != NONE && lastLapse > after && lastLapse <= next) {
            next = lastLapse;
            found = true;
        }
        return found ? next : NONE;
    }

    /** Every distinct due time of the state ({@code null}: none), in no particular order. */
    public static void forEach(CustomerState state, LongConsumer due) {
        if (state != null) {
            long[] times = new long[capacity(state)];
            int count = write(state, times);
            for (int i = 0; i < count; i++) {
                due.accept(times[i]);
            }
        }
    }

    /**
     * The same due times, written into {@code into} (at least {@link #capacity} long) without allocating.
     *
     * @return how many were written
     */
    public static int write(CustomerState state, long[] into) {
        int count = 0;
        for (JourneyInstance instance : state.getInstances().values()) {
            Long deadline = instance.getDeadline();
            if (deadline != null) {
                count = offer(deadline, into, count);
            }
        }
        long lastLapse = lastLapse(state);
        return lastLapse == NONE ? count : offer(lastLapse, into, count);
    }

    /** How many due times {@link #write} can write for this state at most. */
    public static int capacity(CustomerState state) {
        return state.getInstances().size() + 1;
    }

    /**
     * The due time that is not an instance's deadline: when the last record kept only for a while (re-entry history,
     * a suppression, a ledger entry) lapses and the state is tidied; {@code null} when it keeps none.
     */
    public static Long tidyAt(CustomerState state) {
        long lastLapse = lastLapse(state);
        return lastLapse == NONE ? null : lastLapse;
    }

    /**
     * When everything the state keeps only for a while (re-entry history, suppressions, ledger entries) has lapsed,
     * or {@link #NONE}. One time for all of them, the latest, rather than one each: lapsed records change no decision
     * (every check compares times), each call tidies what has lapsed by then, so a timer is needed only to tidy a
     * customer who went quiet, and one suffices. With a timer per record, over bench-job's input, one event in five
     * was followed by a firing that only tidied.
     */
    private static long lastLapse(CustomerState state) {
        long latest = NONE;
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
