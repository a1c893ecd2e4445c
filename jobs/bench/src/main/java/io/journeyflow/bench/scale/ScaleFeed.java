package io.journeyflow.bench.scale;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The benchmark's events in one global order, whichever reader asks: first one {@link #LOAD_EVENT} per customer
 * ({@code c-0}, {@code c-1}, ...), a millisecond apart from {@link #LOAD_START}, then the mixed events set by
 * {@link #followWith}. Shared through statics with the benchmark's main thread (see {@link EventGate#SHARED}).
 */
public final class ScaleFeed implements GeneratorFunction<Long, DecodedEvent> {

    /** The entry event of the long wait: no other benchmark journey starts on it. */
    public static final String LOAD_EVENT = "account_opened";
    /** A day before {@code BenchWorkload}'s events start, so the whole load comes before them. */
    public static final Instant LOAD_START = Instant.parse("2026-10-31T00:00:00Z");

    private static final AtomicLong NEXT = new AtomicLong();
    private static volatile CustomerEvent[] mixed = new CustomerEvent[0];

    private final long customers;

    public ScaleFeed(long customers) {
        this.customers = customers;
    }

    /** The events that come after the load, in order. */
    public static void followWith(CustomerEvent[] events) {
        mixed = events;
    }

    /** How many events the readers have generated so far. */
    public static long generated() {
        return NEXT.get();
    }

    @Override
    public DecodedEvent map(Long ignoredIndex) {
        long sequence = NEXT.getAndIncrement();
        if (sequence < customers) {
            return new DecodedEvent(new CustomerEvent("load-" + sequence, "c-" + sequence, LOAD_EVENT,
                    LOAD_START.toEpochMilli() + sequence, null, Map.of()), null);
        }
        return new DecodedEvent(mixed[(int) (sequence - customers)], null);
    }
}
