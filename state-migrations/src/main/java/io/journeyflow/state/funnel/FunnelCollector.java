package io.journeyflow.state.funnel;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.state.savepoint.SavedState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers, customer by customer, what the funnel needs: per step the times customers entered it and the deadlines
 * that have a registered timer; across all customers the latest event time the state records and how the timers
 * relate to the state ({@link TimerTally}). Collectors of disjoint sets of customers merge into the collector of all
 * of them, so each savepoint reader folds its own customers and only these partial funnels travel.
 */
final class FunnelCollector implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Per step: when each customer entered it, and the deadlines a registered timer will honour. */
    record StepData(LongList enteredAt, LongList timedDeadlines) implements Serializable {

        StepData() {
            this(new LongList(), new LongList());
        }
    }

    private final Map<StepKey, StepData> steps = new HashMap<>();
    private long customers;
    private long latestEventTime = Long.MIN_VALUE;
    private final TimerTally timers = new TimerTally();

    void add(SavedState<String, CustomerState> customer) {
        customers++;
        CustomerState state = customer.value();
        if (state != null) {
            for (Map.Entry<String, JourneyInstance> entry : state.getInstances().entrySet()) {
                addInstance(entry.getKey(), entry.getValue(), customer);
            }
            latest(state);
        }
        timers.add(customer);
    }

    private void addInstance(String journeyId, JourneyInstance instance, SavedState<String, CustomerState> customer) {
        StepData step = steps.computeIfAbsent(new StepKey(journeyId, instance.getVersion(), instance.getStepId()),
                key -> new StepData());
        step.enteredAt().add(instance.getStepEnteredAt());
        Long deadline = instance.getDeadline();
        if (deadline != null && customer.reaches(deadline)) {
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

    /** Adds the customers another collector gathered (none of them may be in this one). */
    void merge(FunnelCollector other) {
        other.steps.forEach((key, data) -> {
            StepData step = steps.computeIfAbsent(key, k -> new StepData());
            step.enteredAt().addAll(data.enteredAt());
            step.timedDeadlines().addAll(data.timedDeadlines());
        });
        mergeTotals(other);
    }

    private void mergeTotals(FunnelCollector other) {
        customers += other.customers;
        latestEventTime = Math.max(latestEventTime, other.latestEventTime);
        timers.merge(other.timers);
    }

    /**
     * The same content cut into collectors of at most {@code maxValues} entry times and as many deadlines each, which
     * {@link #merge} back into this one: a million customers at one step would otherwise be one 16 MB record.
     */
    List<FunnelCollector> split(int maxValues) {
        List<FunnelCollector> parts = new ArrayList<>();
        FunnelCollector totals = new FunnelCollector();
        totals.mergeTotals(this);
        parts.add(totals);
        steps.forEach((key, data) -> {
            int values = Math.max(data.enteredAt().size(), data.timedDeadlines().size());
            for (int from = 0; from < values; from += maxValues) {
                FunnelCollector part = new FunnelCollector();
                part.steps.put(key, new StepData(data.enteredAt().slice(from, from + maxValues),
                        data.timedDeadlines().slice(from, from + maxValues)));
                parts.add(part);
            }
        });
        return parts;
    }

    /** How many customers were added, with state or without. */
    long customers() {
        return customers;
    }

    Map<StepKey, StepData> steps() {
        return steps;
    }

    /** The latest event time any state field records, or {@code Long.MIN_VALUE} when there is none. */
    long latestEventTime() {
        return latestEventTime;
    }

    TimerCounts timers() {
        return timers.counts();
    }
}
