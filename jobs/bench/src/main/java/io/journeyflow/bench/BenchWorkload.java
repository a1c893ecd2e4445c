package io.journeyflow.bench;

import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible benchmark workload: journeys that look like real ones (waits, actions, waits for
 * engagement, exits, conditions) and a stream of events over many customers where, as in production, most events are
 * behaviour that no journey starts on.
 */
public final class BenchWorkload {

    /** Event types and their share of traffic, in percent. The first ten start one journey each. */
    private static final String[][] MIX = {
        {"cart_updated", "6"}, {"checkout_started", "2"}, {"signup", "1"}, {"appointment_missed", "1"},
        {"email_opened", "3"}, {"trial_started", "1"}, {"support_ticket_closed", "1"}, {"app_installed", "1"},
        {"price_alert", "1"}, {"wishlist_added", "2"},
        {"purchase", "3"}, {"message_clicked", "3"}, {"message_opened", "5"}, {"page_view", "70"},
    };

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    /**
     * A contact policy that exercises every check on an action's path: caps, quiet hours, a suppression, arbitration.
     */
    public static final String POLICY = """
            quiet_hours: {from: "22:00", to: "07:00"}
            caps:
              - {id: email/day, channel: email, max: 2, per: 1d}
              - {id: promotional/week, category: promotional, max: 5, per: 7d}
            suppressions:
              - {id: bought, start_on: purchase, max: 2d, categories: [promotional]}
            arbitration: {window: 0s}
            """;

    /** Behaviour counters on the most common event type: a profile feature, measured apart from the policies. */
    public static final String ACTIVITY = "profile: {activity: [{event: page_view}]}\n";

    private BenchWorkload() {}

    /** Ten journeys, one per entry event type; half of them have an entry condition. */
    public static List<String> journeys(int count) {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String entryEvent = MIX[i % 10][0];
            String when = i % 2 == 0 ? "\n  when: \"event.properties.value > 10.0\"" : "";
            docs.add("""
                id: bench-%d
                version: 1
                entry:
                  event: %s%s
                  reentry: {policy: after_exit, cooldown: 1d}
                exit:
                  - {event: purchase, outcome: converted}
                steps:
                  - {id: pause, wait: 1h}
                  - {id: first, action: {channel: email, template: bench-%d-a}}
                  - {id: engaged, wait_for: {event: message_clicked, within: 2d}, on_timeout: nudge, next: end}
                  - {id: nudge, action: {channel: push, template: bench-%d-b}}
                """.formatted(i, entryEvent, when, i, i));
        }
        return docs;
    }

    /**
     * Events in time order over {@code days} days. Customers are drawn with a heavy tail: a few are very active, most
     * are seen a handful of times.
     */
    public static CustomerEvent[] events(int customers, int count, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] customerIds = new String[customers];
        for (int c = 0; c < customers; c++) {
            customerIds[c] = "c-" + c;
        }
        int[] cumulative = new int[MIX.length];
        int total = 0;
        for (int t = 0; t < MIX.length; t++) {
            total += Integer.parseInt(MIX[t][1]);
            cumulative[t] = total;
        }
        long span = Duration.ofDays(days).toMillis();
        CustomerEvent[] events = new CustomerEvent[count];
        for (int e = 0; e < count; e++) {
            double u = random.nextDouble();
            int customer = (int) (customers * u * u * u);
            int pick = random.nextInt(total);
            int type = 0;
            while (cumulative[type] <= pick) {
                type++;
            }
            Map<String, Object> properties = new HashMap<>(4);
            properties.put("value", (double) random.nextInt(200));
            properties.put("category", "cat-" + random.nextInt(20));
            events[e] = CustomerEvent.newBuilder()
                    .setEventId("e-" + e)
                    .setCustomerId(customerIds[customer])
                    .setType(MIX[type][0])
                    .setTs(START.toEpochMilli() + span * e / count)
                    .setProperties(properties)
                    .build();
        }
        return events;
    }
}
