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
import java.util.Iterator;
import java.util.List;

/**
 * Seeded, reproducible customer behaviour at scale: visits shaped by each customer's time zone and activity (a heavy
 * tail of very active customers), shopping sessions with carts, checkouts, purchases and refunds, newsletters,
 * support tickets, appointments, consent and profile changes. The same settings always give the same events in the
 * same order, on any machine; adding customers never changes the existing ones.
 *
 * <p>{@link #stream()} generates lazily in time order (ties by customer number, then generation order), so millions
 * of customers need memory for one small cursor each, not for their events.
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

    private final Settings settings;

    public EventGenerator(Settings settings) {
        this.settings = settings;
    }

    /** Every event of the period, generated as it is read, in time order. */
    public Iterator<CustomerEvent> stream() {
        long end = settings.end().toEpochMilli();
        long start = settings.end().minus(settings.period()).toEpochMilli();
        return new EventStream(new GeneratorPeriod(settings.seed(), start, end, settings.duplicateRate()),
                settings.customers());
    }

    /** {@link #stream()} as a list: for small runs (demos, tests) only. */
    public List<CustomerEvent> events() {
        List<CustomerEvent> events = new ArrayList<>();
        stream().forEachRemaining(events::add);
        return events;
    }

    /** Writes {@link #stream()} as JSON lines; returns how many lines were written. */
    public long writeJsonLines(Path file) throws IOException {
        return writeJsonLines(stream(), Long.MAX_VALUE, file);
    }

    /** Writes at most {@code limit} of {@code events} as JSON lines; returns how many lines were written. */
    public static long writeJsonLines(Iterator<CustomerEvent> events, long limit, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (; lines < limit && events.hasNext(); lines++) {
                out.write(EventJson.format(events.next()));
                out.write('\n');
            }
        }
        return lines;
    }
}
