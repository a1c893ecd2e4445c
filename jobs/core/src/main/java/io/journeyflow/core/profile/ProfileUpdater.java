package io.journeyflow.core.profile;

import io.journeyflow.core.engine.ActionIds;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.ConsentSource;
import io.journeyflow.schema.state.Profile;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the one live profile per customer from well-known event types (the profile contract in the README). An
 * event missing the properties it needs changes only what it can and still goes to journeys.
 */
public final class ProfileUpdater {

    private final ContactPolicy policy;

    public ProfileUpdater(ContactPolicy policy) {
        this.policy = policy;
    }

    /** Whether events of this type change the profile (other types never create one). */
    public boolean updates(String eventType) {
        return switch (eventType) {
            case "profile_updated", "consent_changed", "unsubscribed", "purchase", "refund", "support_ticket_opened",
                    "support_ticket_closed", "message_delivered", "message_opened", "message_clicked" -> true;
            default -> policy.countsActivity(eventType);
        };
    }

    public static Profile empty() {
        return new Profile(new HashMap<>(), new HashMap<>(), null, 0L, null, new HashMap<>(), 0, 0.0, null, 0, 0, null,
                new HashMap<>(), null, new HashMap<>());
    }

    /** Applies the event to {@code profile} in place. */
    public void apply(Profile profile, CustomerEvent event) {
        Map<String, Object> properties = event.getProperties();
        long time = event.getTs();
        switch (event.getType()) {
            case "profile_updated" -> {
                profile.getAttributes().putAll(properties);
                if (properties.get("time_zone") instanceof CharSequence zone) {
                    profile.setTimeZone(zone.toString());
                }
                if (properties.get("locale") instanceof CharSequence locale) {
                    profile.setLocale(locale.toString());
                }
            }
            case "consent_changed" -> {
                if (text(properties.get("channel")) != null && properties.get("granted") instanceof Boolean granted) {
                    consent(profile, text(properties.get("channel")), granted, text(properties.get("source")), time);
                }
            }
            case "unsubscribed" -> {
                String channel = channelOf(event);
                if (channel != null) {
                    String source = text(properties.get("source"));
                    consent(profile, channel, false, source == null ? "unsubscribed" : source, time);
                }
            }
            case "purchase" -> {
                profile.setOrders(profile.getOrders() + 1);
                profile.setLifetimeValue(profile.getLifetimeValue() + amount(properties));
                profile.setLastPurchaseAt(Math.max(time, orMin(profile.getLastPurchaseAt())));
            }
            case "refund" -> {
                profile.setRefunds(profile.getRefunds() + 1);
                profile.setLifetimeValue(profile.getLifetimeValue() - amount(properties));
            }
            case "support_ticket_opened" -> {
                profile.setOpenTickets(profile.getOpenTickets() + 1);
                profile.setLastTicketAt(Math.max(time, orMin(profile.getLastTicketAt())));
            }
            case "support_ticket_closed" -> profile.setOpenTickets(Math.max(0, profile.getOpenTickets() - 1));
            case "message_delivered", "message_opened", "message_clicked" -> engagement(profile, event);
            default -> {
            }
        }
        if (policy.countsActivity(event.getType())) {
            ActivityCounts.record(profile, policy, event);
        }
        profile.setUpdatedAt(Math.max(profile.getUpdatedAt(), time));
    }

    private void engagement(Profile profile, CustomerEvent event) {
        String channel = channelOf(event);
        if (channel == null) {
            return;
        }
        Engagement.record(profile, channel, event.getType(), event.getTs(), policy.engagementHalfLifeMillis());
        if (!event.getType().equals("message_delivered")) {
            EngagedHours.record(profile, event.getTs(), Profiles.zone(profile, policy));
        }
    }

    private static void consent(Profile profile, String channel, boolean granted, String source, long time) {
        ConsentSource previous = profile.getConsentSources().get(channel);
        if (previous != null && previous.getAt() > time) {
            return; // a late, older choice must not overwrite a newer one
        }
        profile.getConsent().put(channel, granted);
        profile.getConsentSources().put(channel, new ConsentSource(source, time));
    }

    /**
     * The channel an event is about: {@code properties.channel}, else the event's own channel, else the channel of
     * the action named by {@code properties.action_id}.
     */
    static String channelOf(CustomerEvent event) {
        String channel = text(event.getProperties().get("channel"));
        if (channel == null) {
            channel = text(event.getChannel());
        }
        return channel != null ? channel : ActionIds.channelOf(text(event.getProperties().get("action_id")));
    }

    private static double amount(Map<String, Object> properties) {
        Object value = properties.get("amount");
        return value instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : 0.0;
    }

    private static String text(Object value) {
        return value instanceof CharSequence text ? text.toString() : null;
    }

    private static long orMin(Long value) {
        return value == null ? Long.MIN_VALUE : value;
    }
}
