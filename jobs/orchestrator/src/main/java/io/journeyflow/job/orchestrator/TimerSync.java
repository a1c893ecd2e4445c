package io.journeyflow.job.orchestrator;

import io.journeyflow.core.engine.JourneyEngine;
import io.journeyflow.schema.state.CustomerState;
import org.apache.flink.streaming.api.TimerService;

/**
 * Keeps a customer's event-time timers equal to the due times of its state. The due times are captured before the
 * engine runs (it may update the state in place) and compared after it, so only the difference touches the timer
 * service. Primitive arrays, reused per call: this runs on every event.
 */
final class TimerSync {

    private long[] before = new long[8];
    private int beforeSize;
    private long[] after = new long[8];
    private int afterSize;
    private long fired;

    /**
     * Captures the due times of the state as it is now.
     *
     * @param fired the timer being handled, or {@code Long.MIN_VALUE}: due times at or before it are gone from Flink
     *     already and must never be registered again (they would fire at once, forever)
     */
    void capture(CustomerState state, long fired) {
        this.fired = fired;
        before = room(before, state);
        beforeSize = collect(state, before);
    }

    /** Registers the due times the new state added and deletes those it dropped. */
    void apply(CustomerState state, TimerService timers) {
        after = room(after, state);
        afterSize = collect(state, after);
        for (int i = 0; i < beforeSize; i++) {
            if (!contains(after, afterSize, before[i])) {
                timers.deleteEventTimeTimer(before[i]);
            }
        }
        for (int i = 0; i < afterSize; i++) {
            if (!contains(before, beforeSize, after[i])) {
                timers.registerEventTimeTimer(after[i]);
            }
        }
    }

    private static long[] room(long[] times, CustomerState state) {
        int needed = state == null ? 0 : JourneyEngine.dueTimeCapacity(state);
        return needed <= times.length ? times : new long[Math.max(needed, times.length * 2)];
    }

    /** The state's due times after {@code fired}, compacted to the front of {@code times}. */
    private int collect(CustomerState state, long[] times) {
        if (state == null) {
            return 0;
        }
        int all = JourneyEngine.dueTimes(state, times);
        int kept = 0;
        for (int i = 0; i < all; i++) {
            if (times[i] > fired) {
                times[kept++] = times[i];
            }
        }
        return kept;
    }

    private static boolean contains(long[] times, int size, long time) {
        for (int i = 0; i < size; i++) {
            if (times[i] == time) {
                return true;
            }
        }
        return false;
    }
}
