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
        ByteBuffer counts = has(profile) ? profile.getEngagedHours() : null;
        if (counts == null || counts.isReadOnly()) {
            // Counted in place from then on: one buffer per engaged customer, not one per open or click.
            counts = ByteBuffer.allocate(HOURS_OF_WEEK);
            if (has(profile)) {
                counts.put(profile.getEngagedHours().duplicate()).flip();
            }
            profile.setEngagedHours(counts);
        }
        int base = counts.position();
        int hour = hourOfWeek(time, zone);
        if ((counts.get(base + hour) & 0xFF) == 255) {
            for (int i = 0; i < HOURS_OF_WEEK; i++) {
                counts.put(base + i, (byte) ((counts.get(base + i) & 0xFF) >>> 1));
            }
        }
        counts.put(base + hour, (byte) ((counts.get(base + hour) & 0xFF) + 1));
    }

    /** Whether the customer ever opened or clicked (only then are there counters). */
    public static boolean has(Profile profile) {
        ByteBuffer buffer = profile == null ? null : profile.getEngagedHours();
        return buffer != null && buffer.remaining() == HOURS_OF_WEEK;
    }

    /** Opens and clicks counted at {@code hourOfWeek}; 0 for a customer without counters. */
    public static int count(Profile profile, int hourOfWeek) {
        if (!has(profile)) {
            return 0;
        }
        ByteBuffer buffer = profile.getEngagedHours();
        return buffer.get(buffer.position() + hourOfWeek) & 0xFF;
    }

    public static int hourOfWeek(long time, ZoneId zone) {
        ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }
}
