package io.journeyflow.state.funnel;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.state.customer.CustomerStates;
import io.journeyflow.state.savepoint.KeyFilter;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.Progress;
import io.journeyflow.state.savepoint.Savepoint;
import java.io.PrintWriter;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

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
        StepOrder order = new StepOrder();
        read(collector, order);
        long customers = collector.customers();
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

    /**
     * One job reads the customers and the registry's journeys. Each reader folds its own customers
     * ({@link FunnelFold}); the client merges the partial funnels. Object reuse: the reader emits a fresh record per
     * customer and the fold keeps none of it, so the copy Flink otherwise makes of every customer's state between
     * chained operators buys nothing. Without the registry's state the steps still list, in id order: say so rather
     * than fail.
     */
    private void read(FunnelCollector collector, StepOrder order) {
        StreamExecutionEnvironment env = LocalFlink.batch(parallelism);
        env.getConfig().enableObjectReuse();
        DataStream<byte[]> parts = new CustomerStates(savepoint, parallelism, console)
                .read(env, "funnel", KeyFilter.all())
                .transform("funnel per reader", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
                        new FunnelFold());
        String job = "journeyctl state funnel " + savepoint.path();
        // In batch mode nothing reaches the client before a reader is done: say what is going on meanwhile.
        Progress progress = new Progress(console, () -> "funnel: reading the savepoint; each reader sends its "
                + "partial funnel when it is done");
        try {
            if (savepoint.has(OperatorIds.JOURNEY_REGISTRY)) {
                var journeys = savepoint.readValueState(env, OperatorIds.JOURNEY_REGISTRY,
                        StateDescriptors.journeyRecord(), StreamTypes.JOURNEY_RECORD, KeyFilter.all());
                LocalFlink.collect(env, job, parts, part -> collector.merge(FunnelFold.read(part)), journeys,
                        journey -> order.add(journey.value()));
            } else {
                console.println("note: no journey registry (uid '" + OperatorIds.JOURNEY_REGISTRY.uid()
                        + "') in the savepoint: steps are listed by id, not in journey order");
                LocalFlink.collect(parts, job, part -> collector.merge(FunnelFold.read(part)));
            }
        } finally {
            progress.stop();
        }
    }
}
