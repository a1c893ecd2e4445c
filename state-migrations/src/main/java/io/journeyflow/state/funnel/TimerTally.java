package io.journeyflow.state.funnel;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.customer.DueTime;
import io.journeyflow.state.savepoint.SavedState;
import java.io.Serializable;
import java.util.List;

/** Counts, customer by customer, how the event-time timers relate to the due times of the state: {@link TimerCounts}. */
final class TimerTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private long registered;
    private long forDeadlines;
    private long forStateOnly;
    private long needless;
    private long unhonoured;

    /** Plain loops: this runs once per customer, and a customer has a handful of timers and due times at most. */
    void add(SavedState<String, CustomerState> customer) {
        List<DueTime> due = DueTime.of(customer.value());
        registered += customer.timers().length;
        for (long timer : customer.timers()) {
            DueTime.Kind kind = kindAt(due, timer);
            if (kind == DueTime.Kind.DEADLINE) {
                forDeadlines++;
            } else if (kind != null) {
                forStateOnly++;
            } else {
                needless++;
            }
        }
        for (int i = 0; i < due.size(); i++) {
            long time = due.get(i).time();
            boolean firstOfItsTime = i == 0 || due.get(i - 1).time() != time;  // due times come sorted by time
            if (firstOfItsTime && !customer.hasTimer(time)) {
                unhonoured++;
            }
        }
    }

    /** DEADLINE if any due time at {@code time} is a deadline, else the kind of one there, or null for none. */
    private static DueTime.Kind kindAt(List<DueTime> due, long time) {
        DueTime.Kind found = null;
        for (DueTime d : due) {
            if (d.time() == time) {
                if (d.kind() == DueTime.Kind.DEADLINE) {
                    return d.kind();
                }
                found = d.kind();
            }
        }
        return found;
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
