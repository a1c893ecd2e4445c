package io.journeyflow.core.policy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A daily window of local time, [start, end), in which actions of the listed categories wait; it may span midnight
 * (21:00 to 08:00). Local times come from the customer's zone, so daylight-saving changes move the window with the
 * customer's clock; an end that falls into a spring-forward gap is the first instant after the gap.
 */
public record QuietHours(LocalTime start, LocalTime end, Set<String> categories) {

    public QuietHours {
        categories = Set.copyOf(categories);
    }

    public boolean applies(String category) {
        return categories.contains(category);
    }

    /** {@code time} itself when it is outside quiet hours, otherwise the instant quiet hours end. */
    public long nextAllowed(long time, ZoneId zone) {
        ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
        LocalTime clock = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !clock.isBefore(start) && clock.isBefore(end)
                : !clock.isBefore(start) || clock.isBefore(end);
        if (!quiet) {
            return time;
        }
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        ZonedDateTime resume = clock.isBefore(end)
                ? endToday
                : local.toLocalDate().plusDays(1).atTime(end).atZone(zone);
        return resume.toInstant().toEpochMilli();
    }
}
