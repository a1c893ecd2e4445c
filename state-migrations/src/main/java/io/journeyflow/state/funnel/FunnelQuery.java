package io.journeyflow.state.funnel;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.state.customer.CustomerStates;
import io.journeyflow.state.savepoint.KeyFilter;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.Savepoint;
import java.io.PrintWriter;
import java.time.Instant;

/** Builds a {@link Funnel} from a savepoint: the customers' state and timers, and the registry's journeys. */
public final class FunnelQuery {

    /** What {@code now} means when the user does not say. */
    public static final String LATEST_EVENT_TIME = "the latest event time recorded in the savepoint's state";

    private final Savepoint savepoint;
    private final int parallelism;
    private final PrintWriter console;

    public FunnelQuery(Savepoint savepoint, int parallelism, PrintWriter console) {
        this.savepoint = savepoint;
        this.parallelism = parallelism;
        this.console = console;
    }

    /**
     * @param now the instant to measure from, or {@code null} for {@link #LATEST_EVENT_TIME} (the wall clock when the
     *     state records no time at all)
     */
    public Funnel run(Instant now) {
        FunnelCollector collector = new FunnelCollector();
        long customers = new CustomerStates(savepoint, parallelism, console).forEach("funnel", KeyFilter.all(),
                collector::add);
        StepOrder order = stepOrder();
        if (now != null) {
            return Funnel.of(collector, customers, now, "given", order.comparator());
        }
        if (collector.latestEventTime() == Long.MIN_VALUE) {
            return Funnel.of(collector, customers, Instant.now(), "the wall clock (the state records no time)",
                    order.comparator());
        }
        return Funnel.of(collector, customers, Instant.ofEpochMilli(collector.latestEventTime()), LATEST_EVENT_TIME,
                order.comparator());
    }

    /** Without the registry's state the steps still list, in id order; say so rather than fail. */
    private StepOrder stepOrder() {
        StepOrder order = new StepOrder();
        if (!savepoint.has(OperatorIds.JOURNEY_REGISTRY)) {
            console.println("note: no journey registry (uid '" + OperatorIds.JOURNEY_REGISTRY.uid()
                    + "') in the savepoint: steps are listed by id, not in journey order");
            return order;
        }
        var records = savepoint.readValueState(LocalFlink.batch(parallelism), OperatorIds.JOURNEY_REGISTRY,
                StateDescriptors.journeyRecord(), StreamTypes.JOURNEY_RECORD, KeyFilter.all());
        LocalFlink.collect(records, "reading the journeys of " + savepoint.path(), journey -> order.add(journey.value()));
        return order;
    }
}
