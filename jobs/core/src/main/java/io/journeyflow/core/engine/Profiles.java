package io.journeyflow.core.engine;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.Profile;
import java.util.HashMap;
import java.util.Map;

/**
 * The minimal profile: attributes from {@code profile_updated}, consent from {@code consent_changed} and
 * {@code unsubscribed}. An event missing the properties it needs changes nothing here and still goes to journeys.
 */
final class Profiles {

    private Profiles() {
    }

    static boolean updatesProfile(String eventType) {
        return switch (eventType) {
            case "profile_updated", "consent_changed", "unsubscribed" -> true;
            default -> false;
        };
    }

    static void apply(CustomerState state, CustomerEvent event) {
        Profile profile = state.getProfile();
        if (profile == null) {
            profile = new Profile(new HashMap<>(), new HashMap<>(), null, 0L);
            state.setProfile(profile);
        }
        Map<String, Object> properties = event.getProperties();
        switch (event.getType()) {
            case "profile_updated" -> {
                profile.getAttributes().putAll(properties);
                if (properties.get("time_zone") instanceof CharSequence zone) {
                    profile.setTimeZone(zone.toString());
                }
            }
            case "consent_changed" -> {
                if (properties.get("channel") instanceof CharSequence channel
                        && properties.get("granted") instanceof Boolean granted) {
                    profile.getConsent().put(channel.toString(), granted);
                }
            }
            default -> {
                Object channel = properties.get("channel");
                if (channel == null) {
                    channel = event.getChannel();
                }
                if (channel != null) {
                    profile.getConsent().put(channel.toString(), false);
                }
            }
        }
        profile.setUpdatedAt(Math.max(profile.getUpdatedAt(), event.getTs()));
    }

    /** Whether the customer opted out of {@code channel}; no recorded choice is not an opt-out. */
    static boolean optedOut(Profile profile, String channel) {
        return profile != null && Boolean.FALSE.equals(profile.getConsent().get(channel));
    }
}
