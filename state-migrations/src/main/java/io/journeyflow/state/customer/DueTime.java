package io.journeyflow.state.customer;

import io.journeyflow.core.engine.JourneyEngine;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A time at which the customer's state needs the orchestrator to run, and why. The job keeps one event-time timer
 * per distinct due time ({@code JourneyEngine.dueTimes}); comparing the two finds timers no state needs and due times
 * no timer will honour.
 */
public record DueTime(long time, Kind kind, String purpose) {

    public enum Kind {
        /** A journey instance waits until then. */
        DEADLINE,
        /** A journey's re-entry history stops mattering then. */
        REENTRY_EXPIRY,
        /** A due time the engine reports that this tool has no name for. */
        OTHER
    }

    /** Every due time of the state, earliest first, each with what it is for. */
    public static List<DueTime> of(CustomerState state) {
        List<DueTime> due = new ArrayList<>();
        if (state == null) {
            return due;
        }
        for (Map.Entry<String, JourneyInstance> entry : new TreeMap<>(state.getInstances()).entrySet()) {
            JourneyInstance instance = entry.getValue();
            if (instance.getDeadline() != null) {
                due.add(new DueTime(instance.getDeadline(), Kind.DEADLINE, "deadline of " + entry.getKey() + " v"
                        + instance.getVersion() + " at step " + instance.getStepId()));
            }
        }
        for (Map.Entry<String, JourneyHistory> entry : new TreeMap<>(state.getHistory()).entrySet()) {
            if (entry.getValue().getForgetAt() != null) {
                due.add(new DueTime(entry.getValue().getForgetAt(), Kind.REENTRY_EXPIRY,
                        "re-entry history of " + entry.getKey() + " expires"));
            }
        }
        // The engine may know due times this tool does not name yet (state fields added later): list them too.
        JourneyEngine.dueTimes(state, time -> {
            if (due.stream().noneMatch(d -> d.time() == time)) {
                due.add(new DueTime(time, Kind.OTHER, "due time of the state"));
            }
        });
        due.sort(Comparator.comparingLong(DueTime::time).thenComparing(DueTime::purpose));
        return due;
    }
}
