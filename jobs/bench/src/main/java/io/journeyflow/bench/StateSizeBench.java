package io.journeyflow.bench;

import io.journeyflow.core.engine.EngineOptions;
import io.journeyflow.core.engine.JourneyEngine;
import io.journeyflow.core.engine.MutableCatalog;
import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Bytes of state per customer after a year of history, as the state backends store it (Avro binary): a typical
 * customer and a heavy one, through the engine with the benchmark journeys and the contact policy. Reports the size
 * at the end of the year and the largest seen on the way.
 */
public final class StateSizeBench {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final String[] CATEGORIES = {"shoes", "outdoor", "books", "kitchen", "garden", "toys", "music",
        "games", "sports", "beauty"};

    private record Behaviour(String name, int sessionsPerWeek, int viewsPerSession, double purchasesPerWeek,
                             double messagesPerWeek) {}

    public static void main(String[] args) {
        MutableCatalog catalog = EngineBench.catalog(BenchWorkload.journeys(10));
        for (Behaviour behaviour : new Behaviour[] {
            new Behaviour("typical", 2, 4, 0.25, 2), new Behaviour("heavy", 20, 10, 3, 14)}) {
            long[] sizes = simulateYear(catalog, behaviour);
            System.out.printf("state %-8s %,6d bytes after a year (largest on the way %,d bytes; %,d events)%n",
                    behaviour.name, sizes[0], sizes[1], sizes[2]);
        }
    }

    /** Returns {final size, largest size, events}. */
    private static long[] simulateYear(MutableCatalog catalog, Behaviour behaviour) {
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults(), PolicyReader.read(BenchWorkload.POLICY
                + "profile: {activity: [{event: page_view, by: category}, {event: cart_updated}]}\n"));
        SplittableRandom random = new SplittableRandom(7);
        long start = Instant.parse("2025-11-01T00:00:00Z").toEpochMilli();
        CustomerState state = null;
        long largest = 0;
        long events = 0;
        EngineBench.CountingSink sink = new EngineBench.CountingSink();
        for (long day = 0; day < 365; day++) {
            long midnight = start + day * DAY;
            int sessions = poisson(random, behaviour.sessionsPerWeek / 7.0);
            for (int s = 0; s < sessions; s++) {
                long t = midnight + random.nextLong(DAY - DAY / 8);
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                for (int v = 0; v < behaviour.viewsPerSession; v++) {
                    state = engine.onEvent(catalog, state, event(++events, "page_view", t + v * 60_000L,
                            "category", category), sink);
                }
                if (random.nextDouble() < 0.3) {
                    state = engine.onEvent(catalog, state, event(++events, "cart_updated", t + DAY / 16,
                            "value", 40.0), sink);
                }
            }
            if (random.nextDouble() < behaviour.purchasesPerWeek / 7.0) {
                state = engine.onEvent(catalog, state, event(++events, "purchase", midnight + DAY / 2,
                        "amount", 55.0), sink);
            }
            for (int m = poisson(random, behaviour.messagesPerWeek / 7.0); m > 0; m--) {
                String channel = random.nextBoolean() ? "email" : "push";
                String type = random.nextDouble() < 0.3 ? "message_clicked" : "message_opened";
                state = engine.onEvent(catalog, state, event(++events, type, midnight + DAY / 3 + m,
                        "channel", channel), sink);
            }
            state = engine.onTime(catalog, state, "c-1", midnight + DAY - 1, sink);
            largest = Math.max(largest, size(state));
        }
        return new long[] {size(state), largest, events};
    }

    private static int poisson(SplittableRandom random, double mean) {
        int count = 0;
        for (double p = Math.exp(-mean), product = random.nextDouble(); product > p; product *= random.nextDouble()) {
            count++;
        }
        return count;
    }

    private static CustomerEvent event(long number, String type, long ts, String key, Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(key, value);
        // Event ids as senders often write them: 36-character UUIDs (the duplicate filter keeps the last 32).
        return new CustomerEvent(new UUID(number, number * 31).toString(), "c-1", type, ts, "web", properties);
    }

    private static long size(CustomerState state) {
        if (state == null) {
            return 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<>(CustomerState.class).write(state, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
