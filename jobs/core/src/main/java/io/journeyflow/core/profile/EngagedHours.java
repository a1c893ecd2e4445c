package io.journeyflow.core.profile;

import io.journeyflow.schema.state.Profile;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When in the week a customer opens and clicks: 168 one-byte counters by local hour of week (Monday 00:00 is 0). When
 * one would pass 255 all are halved, which keeps the shape and lets old habits fade. 168 bytes, once per engaged
 * customer.
 */
public final class EngagedHours {

    public static final int HOURS_OF_WEEK = 168;

    private EngagedHours() {
    }

    static void record(Profile profile, long time, ZoneId zone) {
        byte[] counts = counts(profile);
        if (counts == null) {
            counts = new byte[HOURS_OF_WEEK];
        }
        int hour = hourOfWeek(time, zone);
        if ((counts[hour] & 0xFF) == 255) {
            for (int i = 0; i < HOURS_OF_WEEK; i++) {
                counts[i] = (byte) ((counts[i] & 0xFF) >>> 1);
            }
        }
        counts[hour] = (byte) ((counts[hour] & 0xFF) + 1);
        profile.setEngagedHours(ByteBuffer.wrap(counts));
    }

    /** A copy of the counters, or {@code null} when the customer never engaged. */
    public static byte[] counts(Profile profile) {
        ByteBuffer buffer = profile == null ? null : profile.getEngagedHours();
        if (buffer == null || buffer.remaining() != HOURS_OF_WEEK) {
            return null;
        }
        byte[] counts = new byte[HOURS_OF_WEEK];
        buffer.duplicate().get(counts);
        return counts;
    }

    public static int hourOfWeek(long time, ZoneId zone) {
        ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }
}
