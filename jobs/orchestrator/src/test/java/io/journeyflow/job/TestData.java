package io.journeyflow.job;

import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Journeys and events shared by the tests. */
public final class TestData {

    public static final long T0 = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();
    public static final long HOUR = Duration.ofHours(1).toMillis();
    public static final long MINUTE = Duration.ofMinutes(1).toMillis();

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
        return CustomerEvent.newBuilder()
                .setEventId(eventId)
                .setCustomerId(customerId)
                .setType(type)
                .setTs(ts)
                .setProperties(Map.of())
                .build();
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

    /** A journey as the registry keeps it, with one active version. */
    public static JourneyRecord deployed(String id, String text) {
        return new JourneyRecord(id, JourneyStatus.active, 1, Map.of("1", text));
    }
}
