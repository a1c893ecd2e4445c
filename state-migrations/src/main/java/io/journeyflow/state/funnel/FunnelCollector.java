package io.journeyflow.state.funnel;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.state.customer.DueTime;
import io.journeyflow.state.savepoint.SavedState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers, customer by customer, what the funnel needs: per step the times customers entered it and the deadlines
 * that have a registered timer; across all customers the latest event time the state records and how the timers
 * relate to the state.
 */
final class FunnelCollector {

    /** Per step: when each customer entered it, and the deadlines a registered timer will honour. */
    record StepData(LongList enteredAt, LongList timedDeadlines) {
    }

    private final Map<StepKey, StepData> steps = new HashMap<>();
    private long latestEventTime = Long.MIN_VALUE;
    private long registered;
    private long forDeadlines;
    private long forStateOnly;
    private long needless;
    private long unhonoured;

    void add(SavedState<String, CustomerState> customer) {
        CustomerState state = customer.value();
        if (state != null) {
            for (Map.Entry<String, JourneyInstance> entry : state.getInstances().entrySet()) {
                addInstance(entry.getKey(), entry.getValue(), customer);
            }
            latest(state);
        }
        countTimers(customer);
    }

    private void addInstance(String journeyId, JourneyInstance instance, SavedState<String, CustomerState> customer) {
        StepData step = steps.computeIfAbsent(new StepKey(journeyId, instance.getVersion(), instance.getStepId()),
                key -> new StepData(new LongList(), new LongList()));
        step.enteredAt().add(instance.getStepEnteredAt());
        Long deadline = instance.getDeadline();
        if (deadline != null && customer.hasTimer(deadline)) {
            step.timedDeadlines().add(deadline);
        }
    }

    private void latest(CustomerState state) {
        for (JourneyInstance instance : state.getInstances().values()) {
            latestEventTime = Math.max(latestEventTime, Math.max(instance.getEnteredAt(), instance.getStepEnteredAt()));
        }
        for (JourneyHistory history : state.getHistory().values()) {
            if (history.getLastExitAt() != null) {
                latestEventTime = Math.max(latestEventTime, history.getLastExitAt());
            }
        }
        if (state.getProfile() != null) {
            latestEventTime = Math.max(latestEventTime, state.getProfile().getUpdatedAt());
        }
    }

    private void countTimers(SavedState<String, CustomerState> customer) {
        List<DueTime> due = DueTime.of(customer.value());
        registered += customer.timers().length;
        for (long timer : customer.timers()) {
            if (due.stream().anyMatch(d -> d.time() == timer && d.kind() == DueTime.Kind.DEADLINE)) {
                forDeadlines++;
            } else if (due.stream().anyMatch(d -> d.time() == timer)) {
                forStateOnly++;
            } else {
                needless++;
            }
        }
        unhonoured += due.stream().mapToLong(DueTime::time).distinct().filter(t -> !customer.hasTimer(t)).count();
    }

    Map<StepKey, StepData> steps() {
        return steps;
    }

    /** The latest event time any state field records, or {@code Long.MIN_VALUE} when there is none. */
    long latestEventTime() {
        return latestEventTime;
    }

    TimerCounts timers() {
        return new TimerCounts(registered, forDeadlines, forStateOnly, needless, unhonoured);
    }
}
