package io.journeyflow.core.profile;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.schema.state.Profile;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Questions every policy asks of a profile that may not exist yet. */
public final class Profiles {

    private Profiles() {
    }

    /** Whether the customer opted out of {@code channel}; no recorded choice is not an opt-out. */
    public static boolean optedOut(Profile profile, String channel) {
        return profile != null && Boolean.FALSE.equals(profile.getConsent().get(channel));
    }

    /** The customer's time zone; the policy's default when none or an unknown one is recorded. */
    public static ZoneId zone(Profile profile, ContactPolicy policy) {
        if (profile == null || profile.getTimeZone() == null) {
            return policy.defaultZone();
        }
        try {
            return ZoneId.of(profile.getTimeZone());
        } catch (DateTimeException e) {
            return policy.defaultZone();
        }
    }
}
