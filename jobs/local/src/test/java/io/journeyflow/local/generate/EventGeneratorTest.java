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
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventGeneratorTest {

    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(90);
    /** One large run shared by the statistical tests: a few thousand customers, about 60,000 events. */
    private static final List<CustomerEvent> MANY = generate(3000, 42);

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

        assertThat(Files.size(first)).isGreaterThan(10_000);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void addingCustomersLeavesTheExistingOnesUnchanged() {
        List<CustomerEvent> small = generate(20, 3);
        List<CustomerEvent> large = generate(40, 3);

        Set<String> firstTwenty = small.stream().map(CustomerEvent::getCustomerId).collect(Collectors.toSet());
        assertThat(small).hasSizeGreaterThan(100);
        assertThat(large.stream().filter(e -> firstTwenty.contains(e.getCustomerId())).toList()).isEqualTo(small);
    }

    @Test
    void theStreamIsInTimeOrderThenCustomerNumberWithinThePeriod() {
        Comparator<CustomerEvent> streamOrder = Comparator.comparingLong(CustomerEvent::getTs)
                .thenComparingInt(e -> Integer.parseInt(e.getCustomerId().substring(2)));

        assertThat(MANY).isSortedAccordingTo(streamOrder).allSatisfy(e -> assertThat(e.getTs())
                .isGreaterThanOrEqualTo(END.minus(PERIOD).toEpochMilli()).isLessThan(END.toEpochMilli()));
        // Visits of different customers interleave: the stream is not one customer after another.
        assertThat(MANY.subList(0, 200).stream().map(CustomerEvent::getCustomerId).distinct().count())
                .isGreaterThan(20);
    }

    @Test
    void aFewVeryActiveCustomersMakeMuchOfTheTraffic() {
        List<Long> perCustomer = MANY.stream().collect(Collectors.groupingBy(CustomerEvent::getCustomerId,
                Collectors.counting())).values().stream().sorted(Comparator.reverseOrder()).toList();
        long topOnePercent = perCustomer.subList(0, 30).stream().mapToLong(Long::longValue).sum();
        long median = perCustomer.get(perCustomer.size() / 2);

        assertThat((double) topOnePercent / MANY.size()).isGreaterThan(0.10);
        assertThat(perCustomer.get(0)).isGreaterThan(20 * median);
        assertThat(median).isBetween(3L, 40L);
    }

    @Test
    void theMixIsMostlyBrowsingWithEveryKindOfBehaviour() {
        Map<String, Long> byType = MANY.stream().collect(Collectors.groupingBy(CustomerEvent::getType,
                Collectors.counting()));
        Function<String, Double> share = type -> byType.getOrDefault(type, 0L) / (double) MANY.size();

        assertThat(byType.keySet()).contains("signup", "page_view", "search", "cart_updated", "checkout_started",
                "purchase", "refund", "support_ticket_opened", "support_ticket_closed", "message_delivered",
                "message_opened", "message_clicked", "consent_changed", "profile_updated", "unsubscribed",
                "appointment_missed", "appointment_rescheduled");
        assertThat(share.apply("page_view")).isBetween(0.45, 0.75);
        assertThat(share.apply("cart_updated")).isBetween(0.03, 0.15);
        assertThat(byType.get("checkout_started")).isLessThan(byType.get("cart_updated"));
        assertThat(byType.get("refund")).isPositive().isLessThan(byType.get("purchase") / 5);
        assertThat(byType.get("support_ticket_closed")).isLessThan(byType.get("support_ticket_opened"));
        assertThat(byType.get("message_clicked")).isLessThan(byType.get("message_opened"));
    }

    @Test
    void visitsFollowTheDayInEachCustomersOwnTimeZone() {
        Map<Integer, Long> sessionsByLocalHour = MANY.stream().filter(e -> e.getType().equals("page_view"))
                .collect(Collectors.groupingBy(e -> CustomerTraits.localHour(zoneOf(e), e.getTs()),
                        Collectors.counting()));
        long views = sessionsByLocalHour.values().stream().mapToLong(Long::longValue).sum();
        long night = sessionsByLocalHour.entrySet().stream().filter(h -> h.getKey() >= 1 && h.getKey() <= 4)
                .mapToLong(Map.Entry::getValue).sum();
        long evening = sessionsByLocalHour.entrySet().stream().filter(h -> h.getKey() >= 18 && h.getKey() <= 21)
                .mapToLong(Map.Entry::getValue).sum();

        assertThat((double) night / views).isLessThan(0.05);
        assertThat((double) evening / views).isGreaterThan(0.25);
        assertThat(MANY).filteredOn(e -> e.getType().equals("profile_updated") && e.getProperties().containsKey(
                "time_zone")).extracting(e -> e.getProperties().get("time_zone")).contains("Asia/Tokyo",
                "America/New_York", "Europe/Paris");
    }

    @Test
    void someEventsAreDeliveredTwiceWithTheSameId() {
        Set<String> seen = new HashSet<>();
        long duplicates = MANY.stream().filter(e -> !seen.add(e.getEventId())).count();

        assertThat((double) duplicates / MANY.size()).isBetween(0.005, 0.02);
    }

    @Test
    void theShippedSampleFileIsWhatTheGeneratorMakes() throws Exception {
        // Made by: scripts/journeyctl generate --customers 50 --seed 42 --days 90 --end 2026-12-01T00:00:00Z --out ...
        String expected = generate(50, 42).stream().map(EventJson::format)
                .collect(Collectors.joining("\n", "", "\n"));

        try (InputStream shipped = getClass().getResourceAsStream("/events/sample-events.jsonl")) {
            assertThat(shipped).isNotNull();
            assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    private static ZoneId zoneOf(CustomerEvent event) {
        int number = Integer.parseInt(event.getCustomerId().substring(2));
        return CustomerTraits.of(42, number, END.minus(PERIOD).toEpochMilli(), END.toEpochMilli()).zone();
    }

    private static List<CustomerEvent> generate(int customers, long seed) {
        return new EventGenerator(EventGenerator.Settings.of(customers, seed, END, PERIOD)).events();
    }
}
