package io.journeyflow.core.engine;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.profile.EngagedHours;
import io.journeyflow.core.profile.Profiles;
import io.journeyflow.schema.state.Profile;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** {@code send_at: best_hour}: the local hour, within the step's window, at which this customer engages most. */
final class SendTimes {

    private final ContactPolicy policy;

    SendTimes(ContactPolicy policy) {
        this.policy = policy;
    }

    /**
     * The start of the best hour in [now, now + within], or {@code now} when that is the current hour. Ties go to the
     * earliest hour. Without history: the first start of the policy's default hour in the window, else now.
     */
    long bestHour(Profile profile, long now, long withinMillis) {
        ZoneId zone = Profiles.zone(profile, policy);
        boolean history = EngagedHours.has(profile);
        ZonedDateTime hour = Instant.ofEpochMilli(now).atZone(zone).truncatedTo(ChronoUnit.HOURS);
        long best = now;
        int bestScore = !history ? (hour.getHour() == policy.defaultSendHour() ? 1 : 0)
                : EngagedHours.count(profile, EngagedHours.hourOfWeek(now, zone));
        long end = now + withinMillis;
        for (ZonedDateTime next = hour.plusHours(1); next.toInstant().toEpochMilli() <= end; next = next.plusHours(1)) {
            long start = next.toInstant().toEpochMilli();
            int score = !history ? (next.getHour() == policy.defaultSendHour() ? 1 : 0)
                    : EngagedHours.count(profile, EngagedHours.hourOfWeek(start, zone));
            if (score > bestScore) {
                best = start;
                bestScore = score;
            }
        }
        return best;
    }
}
