package io.journeyflow.state.funnel;

import io.journeyflow.core.engine.DueTimes;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.state.savepoint.SavedState;
import java.io.Serializable;

/**
 * Counts, customer by customer, how the event-time timers relate to the due times of the state: {@link TimerCounts}.
 */
final class TimerTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private long registered;
    private long forDeadlines;
    private long forStateOnly;
    private long needless;
    private long unhonoured;
    /** Room for one customer's due times, reused from customer to customer. */
    private transient long[] due;

    /**
     * The due times are the engine's own ({@code DueTimes}; the job keeps a timer at the earliest); a timer at
     * an instance's deadline counts as a deadline's. Plain loops, no {@code DueTime} descriptions: this runs once per
     * customer, ten million times over a large savepoint, and a customer has a handful of timers at most.
     */
    void add(SavedState<String, CustomerState> customer) {
        long[] timers = customer.timers();
        registered += timers.length;
        CustomerState state = customer.value();
        if (state == null) {
            needless += timers.length;
            return;
        }
        int capacity = DueTimes.capacity(state);
        if (due == null || due.length < capacity) {
            due = new long[Math.max(capacity, 8)];
        }
        int dueCount = DueTimes.write(state, due);
        for (long timer : timers) {
            if (isDeadline(state, timer)) {
                forDeadlines++;
            } else if (contains(due, dueCount, timer)) {
                forStateOnly++;
            } else {
                needless++;
            }
        }
        for (int i = 0; i < dueCount; i++) {
            if (!customer.reaches(due[i])) {
                unhonoured++;
            }
        }
    }

    private static boolean contains(long[] times, int count, long time) {
        for (int i = 0; i < count; i++) {
            if (times[i] == time) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeadline(CustomerState state, long time) {
        for (JourneyInstance instance : state.getInstances().values()) {
            Long deadline = instance.getDeadline();
            if (deadline != null && deadline == time) {
                return true;
            }
        }
        return false;
    }

    void merge(TimerTally other) {
        registered += other.registered;
        forDeadlines += other.forDeadlines;
        forStateOnly += other.forStateOnly;
        needless += other.needless;
        unhonoured += other.unhonoured;
    }

    TimerCounts counts() {
        return new TimerCounts(registered, forDeadlines, forStateOnly, needless, unhonoured);
    }
}
