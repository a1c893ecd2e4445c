package io.journeyflow.job.serde;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DecodedEvent;
import java.nio.ByteBuffer;

/**
 * Builds what event sources yield: a usable event, or a dead letter that keeps the input whole with the reason.
 * Kafka and file sources share these rules, so an event is usable or not whatever it came through.
 */
public final class DecodedEvents {

    /** The error class of records that decoded but break the event contract. */
    public static final String INVALID_EVENT = "InvalidEvent";

    private DecodedEvents() {
    }

    /** The event if it is usable, else a dead letter saying why. */
    public static DecodedEvent checked(CustomerEvent event, Origin origin) {
        String problem = problem(event);
        return problem == null
                ? DecodedEvent.newBuilder().setEvent(event).build()
                : deadLetter(origin, INVALID_EVENT, problem);
    }

    public static DecodedEvent deadLetter(Origin origin, String errorClass, String message) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(origin.source())
                .setPartition(origin.partition())
                .setOffset(origin.offset())
                .setOriginalKey(origin.key() == null ? null : ByteBuffer.wrap(origin.key()))
                .setOriginalBytes(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
                .setErrorClass(errorClass)
                .setErrorMessage(message == null ? "" : message)
                .setRecordTimestamp(origin.timestamp())
                .build();
        return DecodedEvent.newBuilder().setDeadLetter(letter).build();
    }

    /** Why the event cannot be used, or {@code null} when it can. */
    public static String problem(CustomerEvent event) {
        if (isBlank(event.getCustomerId())) {
            return "customer_id is missing or empty";
        }
        if (isBlank(event.getEventId())) {
            return "event_id is missing or empty";
        }
        if (isBlank(event.getType())) {
            return "type is missing or empty";
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Where an input came from, kept in its dead letter.
     *
     * @param source the Kafka topic, or the file path
     * @param offset the Kafka offset, or the 1-based line number
     * @param timestamp the input's own timestamp (never the wall clock, so reruns agree)
     */
    public record Origin(String source, int partition, long offset, byte[] key, byte[] value, long timestamp) {
    }
}
