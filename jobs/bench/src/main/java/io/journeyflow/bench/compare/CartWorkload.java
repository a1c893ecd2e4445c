package io.journeyflow.bench.compare;

import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A seeded cart workload, computed from the event's index alone (so a source can start anywhere and two runs read the
 * same events): carts, purchases, clicks and the behaviour no journey cares about, one event per time step, in time
 * order, customers drawn uniformly. One cart in ten is empty (no value), so it cannot start the journey.
 *
 * @param customers how many customers the events are spread over
 * @param events how many events
 * @param days the time the events span, from {@link #START}
 * @param seed the same seed gives the same events
 */
public record CartWorkload(int customers, long events, int days, long seed)
        implements GeneratorFunction<Long, CustomerEvent> {

    public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    /** Event types by share of traffic, in percent. */
    private static final String[] TYPES = {"cart_updated", "purchase", "message_clicked", "message_opened", "search",
        "page_view"};
    private static final int[] SHARES = {8, 2, 4, 6, 10, 70};

    public CartWorkload {
        if (customers < 1 || events < 1 || days < 1) {
            throw new IllegalArgumentException("customers, events and days must be at least 1");
        }
    }

    /** Milliseconds between two consecutive events. */
    public long stepMillis() {
        return Math.max(1, Duration.ofDays(days).toMillis() / events);
    }

    @Override
    public CustomerEvent map(Long index) {
        long draw = mix(seed ^ mix(index));
        int customer = (int) Long.remainderUnsigned(draw, customers);
        int percent = (int) Long.remainderUnsigned(draw >>> 32, 100);
        int type = 0;
        int bound = SHARES[0];
        while (percent >= bound) {
            bound += SHARES[++type];
        }
        Map<String, Object> properties = new HashMap<>(2);
        if (type == 0) {
            long cents = Long.remainderUnsigned(mix(draw), 20_000);
            properties.put("cart_value", cents % 10 == 0 ? 0.0 : cents / 100.0);
        }
        return CustomerEvent.newBuilder()
                .setEventId("e-" + index)
                .setCustomerId("c-" + customer)
                .setType(TYPES[type])
                .setTs(START.toEpochMilli() + index * stepMillis())
                .setProperties(properties)
                .build();
    }

    /** SplitMix64's finalizer: consecutive inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
