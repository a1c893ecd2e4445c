package io.journeyflow.job.orchestrator;

import io.journeyflow.core.engine.DueTimes;
import io.journeyflow.schema.state.CustomerState;
import org.apache.flink.streaming.api.TimerService;

/**
 * Keeps one event-time timer per customer, at the earliest due time of its state, and records its time in the state
 * ({@code timer_at}). When it fires, the engine handles everything due by then and the next due time gets the timer,
 * so later due times need none of their own. The timer in place is read from the state before the engine runs (which
 * may change the state in place); only the state after it is walked, once per call.
 *
 * <p>State written before {@code timer_at} existed kept a timer per due time; it reads as {@link #WRITTEN_BEFORE_0_2},
 * the field's default. For such a state the due times are walked before the engine runs, as they were then, and every
 * one but the new timer is deleted: once per customer. {@code null} means no timer, and costs no walk.
 */
final class TimerSync {

    private static final long NONE = DueTimes.NONE;
    /** The schema's default for {@code timer_at}. */
    static final long WRITTEN_BEFORE_0_2 = Long.MIN_VALUE;

    private long fired;
    private long registered;
    private long[] legacy = new long[8];
    private int legacySize;

    /**
     * Notes which timers the state has before the engine runs.
     *
     * @param fired the timer being handled, or {@code Long.MIN_VALUE}: due times at or before it are gone from Flink
     *     already and must never be registered again (they would fire at once, forever)
     */
    void capture(CustomerState state, long fired) {
        this.fired = fired;
        registered = NONE;
        legacySize = 0;
        if (state == null) {
            return;
        }
        Long timerAt = state.getTimerAt();
        if (timerAt == null) {
            return;
        }
        if (timerAt != WRITTEN_BEFORE_0_2) {
            registered = timerAt > fired ? timerAt : NONE;
            return;
        }
        int capacity = DueTimes.capacity(state);
        if (legacy.length < capacity) {
            legacy = new long[Math.max(capacity, legacy.length * 2)];
        }
        legacySize = DueTimes.write(state, legacy);
    }

    /** Moves the timer to the earliest due time of the new state (none for {@code null}) and records it there. */
    void apply(CustomerState state, TimerService timers) {
        long next = state == null ? NONE : DueTimes.next(state, fired);
        for (int i = 0; i < legacySize; i++) {
            if (legacy[i] > fired && legacy[i] != next) {
                timers.deleteEventTimeTimer(legacy[i]);
            }
        }
        if (registered != NONE && registered != next) {
            timers.deleteEventTimeTimer(registered);
        }
        if (next != NONE && next != registered) {
            timers.registerEventTimeTimer(next);
        }
        if (state != null) {
            record(state, next);
        }
    }

    /**
     * Writes only a change: most calls leave the timer where it was, and a boxed time is an allocation. A state from
     * before 0.2 always changes here, to a time or to {@code null}.
     */
    private static void record(CustomerState state, long next) {
        Long recorded = state.getTimerAt();
        if (next == NONE) {
            if (recorded != null) {
                state.setTimerAt(null);
            }
        } else if (recorded == null || recorded != next) {
            state.setTimerAt(next);
        }
    }
}
