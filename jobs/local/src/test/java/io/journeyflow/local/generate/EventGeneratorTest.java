package io.journeyflow.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.local.json.EventJson;
import io.journeyflow.schema.CustomerEvent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventGeneratorTest {

    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(90);

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        Path other = dir.resolve("other.jsonl");

        new EventGenerator(EventGenerator.Settings.of(80, 7, END, PERIOD)).writeJsonLines(first);
        new EventGenerator(EventGenerator.Settings.of(80, 7, END, PERIOD)).writeJsonLines(second);
        new EventGenerator(EventGenerator.Settings.of(80, 8, END, PERIOD)).writeJsonLines(other);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void addingCustomersLeavesTheExistingOnesUnchanged() {
        List<CustomerEvent> small = new EventGenerator(EventGenerator.Settings.of(20, 3, END, PERIOD)).events();
        List<CustomerEvent> large = new EventGenerator(EventGenerator.Settings.of(40, 3, END, PERIOD)).events();

        Set<String> firstTwenty = small.stream().map(CustomerEvent::getCustomerId).collect(Collectors.toSet());
        assertThat(large.stream().filter(e -> firstTwenty.contains(e.getCustomerId())).toList()).isEqualTo(small);
    }

    @Test
    void eventsAreInTimeOrderWithinThePeriod() {
        List<CustomerEvent> events = new EventGenerator(EventGenerator.Settings.of(100, 1, END, PERIOD)).events();

        assertThat(events).extracting(CustomerEvent::getTs).isSorted()
                .allSatisfy(ts -> assertThat(ts).isGreaterThanOrEqualTo(END.minus(PERIOD).toEpochMilli()).isLessThan(END.toEpochMilli()));
    }

    @Test
    void behaviourCoversEverySampleJourneyAndIncludesDuplicates() {
        List<CustomerEvent> events = new EventGenerator(EventGenerator.Settings.of(300, 42, END, PERIOD)).events();

        assertThat(events).extracting(CustomerEvent::getType).contains("signup", "page_view", "cart_updated", "purchase",
                "message_opened", "message_clicked", "appointment_missed", "appointment_rescheduled", "profile_updated",
                "consent_changed", "unsubscribed");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("message_opened");
            assertThat(e.getChannel()).isEqualTo("email");
            assertThat(e.getProperties()).containsEntry("topic", "retirement");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("message_clicked");
            assertThat(e.getProperties()).containsEntry("template", "cart-reminder-1");
        });
        Set<String> seen = new HashSet<>();
        long duplicates = events.stream().filter(e -> !seen.add(e.getCustomerId() + "/" + e.getEventId())).count();
        assertThat(duplicates).isPositive();
    }

    @Test
    void theShippedSampleFileIsWhatTheGeneratorMakes() throws Exception {
        // Made by: scripts/journeyctl generate --customers 50 --seed 42 --days 90 --end 2026-12-01T00:00:00Z --out ...
        List<CustomerEvent> generated = new EventGenerator(EventGenerator.Settings.of(50, 42, END, PERIOD)).events();
        String expected = generated.stream().map(EventJson::format).collect(Collectors.joining("\n", "", "\n"));

        try (InputStream shipped = getClass().getResourceAsStream("/events/sample-events.jsonl")) {
            assertThat(shipped).isNotNull();
            assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }
}
