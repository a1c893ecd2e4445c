package io.journeyflow.job;

import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Journeys and events shared by the tests. */
public final class TestData {

    public static final long T0 = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();
    public static final long HOUR = Duration.ofHours(1).toMillis();
    public static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private static final String TICK = "tick-";

    /** Waits an hour after a cart update, then sends an email; a purchase ends it. */
    public static final String CART_REMINDER = """
            id: cart-reminder
            version: 1
            entry:
              event: cart_updated
            exit:
              - {event: purchase, outcome: converted}
            steps:
              - {id: wait-1h, wait: 1h}
              - {id: reminder, action: {channel: email, template: cart-reminder-1}}
            """;

    /** After a purchase: a push at once, then an sms unless the customer clicks within a day. */
    public static final String POST_PURCHASE = """
            id: post-purchase
            version: 1
            entry:
              event: purchase
            steps:
              - {id: thanks, action: {channel: push, template: thank-you}}
              - {id: engaged, wait_for: {event: message_clicked, within: 1d}, on_timeout: nudge, next: end}
              - {id: nudge, action: {channel: sms, template: review-request}}
            """;

    /** Two errors: an unknown step kind target and a non-positive wait. */
    public static final String BROKEN = """
            id: broken-journey
            version: 1
            entry:
              event: cart_updated
            steps:
              - {id: wait, wait: 0s, next: nowhere}
            """;

    private TestData() {
    }

    public static CustomerEvent event(String eventId, String customerId, String type, long ts) {
        return event(eventId, customerId, type, ts, Map.of());
    }

    public static CustomerEvent event(String eventId, String customerId, String type, long ts,
                                      Map<String, Object> properties) {
        return CustomerEvent.newBuilder()
                .setEventId(eventId)
                .setCustomerId(customerId)
                .setType(type)
                .setTs(ts)
                .setProperties(properties)
                .build();
    }

    /**
     * Shoppers {@code from..to}: each updates a cart; every second one buys within the hour (leaving the cart
     * journey, entering the post-purchase one); every fourth buyer also clicks the thank-you message.
     */
    public static List<CustomerEvent> shoppers(int from, int to, long start) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String customer = "c-" + i;
            long t = start + i * MINUTE;
            events.add(event("cart-" + i, customer, "cart_updated", t));
            if (i % 2 == 0) {
                events.add(event("buy-" + i, customer, "purchase", t + 30 * MINUTE));
            }
            if (i % 4 == 0) {
                events.add(event("click-" + i, customer, "message_clicked", t + 2 * HOUR));
            }
        }
        // Sorted by time: then no event is ever behind the watermark, so results cannot depend on timing.
        events.sort(Comparator.comparingLong(CustomerEvent::getTs));
        return events;
    }

    /**
     * Events of no journey, one per partition of the events topic, that carry event time forward in deterministic
     * mode (where a partition's time moves only with its own events). {@link KafkaTestIO#sendEvents} sends each to
     * its partition.
     */
    public static List<CustomerEvent> ticks(long at, int partitions) {
        List<CustomerEvent> ticks = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ticks.add(event("tick-" + p + "-" + at, TICK + p, "tick", at));
        }
        return ticks;
    }

    /** The partition a tick belongs to, or {@code null} for any other event (partitioned by its key). */
    public static Integer tickPartition(CustomerEvent event) {
        String customer = event.getCustomerId();
        return event.getType().equals("tick") && customer.startsWith(TICK)
                ? Integer.valueOf(customer.substring(TICK.length()))
                : null;
    }

    public static ControlRecord control(String key, String text, long offset) {
        return ControlRecord.newBuilder()
                .setKey(key)
                .setText(text)
                .setSourceTopic("journey-definitions")
                .setPartition(0)
                .setOffset(offset)
                .build();
    }

    /** {@link #CART_REMINDER} and {@link #POST_PURCHASE} as deployed. */
    public static List<JourneyRecord> cartAndPostPurchase() {
        return List.of(deployed("cart-reminder", CART_REMINDER), deployed("post-purchase", POST_PURCHASE));
    }

    /** A journey as the registry keeps it, with one active version. */
    public static JourneyRecord deployed(String id, String text) {
        return new JourneyRecord(id, JourneyStatus.active, 1, Map.of("1", text), 0L);
    }
}
