package io.journeyflow.local.generate;

import io.journeyflow.local.json.EventJson;
import io.journeyflow.schema.CustomerEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, reproducible customer behaviour that exercises every sample journey. The same settings always give the same
 * events in the same order, on any machine (each customer draws from its own {@link SplittableRandom} seeded from the
 * run seed and the customer number, so adding customers never changes the existing ones).
 *
 * <p>All events are held in memory to be sorted by time (a stream's natural order): about 30 events per customer.
 */
public final class EventGenerator {

    /**
     * @param customers how many customers, named c-1 .. c-N
     * @param seed the seed; same seed, same events
     * @param end the simulated period ends here (exclusive); no event is at or after it
     * @param period how far back from {@code end} the events spread
     * @param duplicateRate the share of events delivered twice (same event id), as a real at-least-once feed does
     */
    public record Settings(int customers, long seed, Instant end, Duration period, double duplicateRate) {

        public Settings {
            if (customers < 1) {
                throw new IllegalArgumentException("customers must be at least 1, got " + customers);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive, got " + period);
            }
            if (duplicateRate < 0 || duplicateRate > 1) {
                throw new IllegalArgumentException("duplicateRate must be within 0..1, got " + duplicateRate);
            }
        }

        public static Settings of(int customers, long seed, Instant end, Duration period) {
            return new Settings(customers, seed, end, period, 0.01);
        }
    }

    private static final Comparator<CustomerEvent> STREAM_ORDER = Comparator.comparingLong(CustomerEvent::getTs)
            .thenComparing(CustomerEvent::getCustomerId)
            .thenComparing(CustomerEvent::getEventId);

    private final Settings settings;

    public EventGenerator(Settings settings) {
        this.settings = settings;
    }

    /** Every event of the period, in time order (ties by customer, then event id). */
    public List<CustomerEvent> events() {
        long start = settings.end().minus(settings.period()).toEpochMilli();
        long end = settings.end().toEpochMilli();
        List<CustomerEvent> events = new ArrayList<>();
        for (int n = 1; n <= settings.customers(); n++) {
            // SplittableRandom mixes its seed, so neighbouring customers get unrelated streams (java.util.Random's
            // first draws for seeds n and n + 1 are nearly equal).
            SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + n);
            new CustomerBehaviour(n, random, start, end, settings.duplicateRate()).play(events::add);
        }
        events.sort(STREAM_ORDER);
        return events;
    }

    /** Writes {@link #events()} as JSON lines; returns how many lines were written. */
    public int writeJsonLines(Path file) throws IOException {
        List<CustomerEvent> events = events();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (CustomerEvent event : events) {
                out.write(EventJson.format(event));
                out.write('\n');
            }
        }
        return events.size();
    }
}
