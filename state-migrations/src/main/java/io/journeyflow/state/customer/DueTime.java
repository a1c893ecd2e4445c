package io.journeyflow.state.customer;

import io.journeyflow.core.engine.DueTimes;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.Suppression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A time at which the customer's state needs the orchestrator to run, and why ({@code DueTimes}): each
 * instance's deadline, and one time to tidy up, when the last of the records kept only for a while lapses (those that
 * lapse earlier go then, or with the customer's next event). The job keeps one event-time timer, at the earliest due
 * time, and moves it on when it fires (state written before 0.2 kept one per due time). Comparing the two finds timers
 * no state needs and due times no timer will reach.
 */
public record DueTime(long time, Kind kind, String purpose) {

    public enum Kind {
        /** A journey instance waits until then. */
        DEADLINE,
        /** The last record kept only for a while (re-entry history, a suppression, the contact ledger) lapses then. */
        LAPSE,
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
        Long tidyAt = DueTimes.tidyAt(state);
        long lastLapse = tidyAt == null ? Long.MIN_VALUE : tidyAt;
        for (Map.Entry<String, JourneyHistory> entry : new TreeMap<>(state.getHistory()).entrySet()) {
            Long forgetAt = entry.getValue().getForgetAt();
            if (forgetAt != null && forgetAt == lastLapse) {
                due.add(new DueTime(forgetAt, Kind.LAPSE, "re-entry history of " + entry.getKey() + " expires"));
            }
        }
        for (Map.Entry<String, Suppression> entry : new TreeMap<>(state.getSuppressions()).entrySet()) {
            if (entry.getValue().getUntil() == lastLapse) {
                due.add(new DueTime(lastLapse, Kind.LAPSE, "suppression " + entry.getKey() + " lapses"));
            }
        }
        if (state.getLedger().stream().anyMatch(ledgerEntry -> ledgerEntry.getForgetAt() == lastLapse)) {
            due.add(new DueTime(lastLapse, Kind.LAPSE, "contact ledger empties"));
        }
        // The engine may know due times this tool does not name yet (state fields added later): list them too.
        DueTimes.forEach(state, time -> {
            if (due.stream().noneMatch(d -> d.time() == time)) {
                due.add(new DueTime(time, Kind.OTHER, "due time of the state"));
            }
        });
        due.sort(Comparator.comparingLong(DueTime::time).thenComparing(DueTime::purpose));
        return due;
    }
}
