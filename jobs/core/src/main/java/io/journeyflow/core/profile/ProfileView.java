package io.journeyflow.core.profile;

import dev.cel.common.values.NullValue;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.schema.state.ChannelEngagement;
import io.journeyflow.schema.state.Profile;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code profile} variable that journey conditions read: the profile contract of the README, with derived values
 * (average order value, decayed engagement and click rates) computed at the moment of the decision.
 */
public final class ProfileView {

    private ProfileView() {
    }

    /** @param values turns stored attribute values into values CEL understands */
    public static Map<String, Object> of(Profile profile, ContactPolicy policy, long now,
            UnaryOperator<Map<String, Object>> values) {
        Map<String, Object> map = new HashMap<>(32);
        boolean known = profile != null;
        map.put("attributes", known ? values.apply(profile.getAttributes()) : Map.of());
        map.put("consent", known ? profile.getConsent() : Map.of());
        map.put("time_zone", known && profile.getTimeZone() != null ? profile.getTimeZone() : NullValue.NULL_VALUE);
        map.put("locale", known && profile.getLocale() != null ? profile.getLocale() : NullValue.NULL_VALUE);
        int orders = known ? profile.getOrders() : 0;
        double value = known ? profile.getLifetimeValue() : 0.0;
        map.put("orders", (long) orders);
        map.put("lifetime_value", value);
        map.put("average_order_value", orders == 0 ? 0.0 : value / orders);
        map.put("last_purchase_at", timeOrNull(known ? profile.getLastPurchaseAt() : null));
        map.put("refunds", known ? (long) profile.getRefunds() : 0L);
        map.put("open_support_tickets", known ? (long) profile.getOpenTickets() : 0L);
        map.put("last_ticket_at", timeOrNull(known ? profile.getLastTicketAt() : null));
        map.put("engagement", engagement(profile, policy, now));
        map.put("activity", new ActivityView(profile, now));
        map.put("engaged_hours", engagedHours(profile));
        return map;
    }

    /**
     * Opens and clicks by local hour of week (Monday 00:00 is 0); an empty list without history. A view over the
     * stored bytes: conditions that never index it cost nothing.
     */
    private static List<Long> engagedHours(Profile profile) {
        if (!EngagedHours.has(profile)) {
            return List.of();
        }
        return new AbstractList<>() {
            @Override
            public Long get(int hour) {
                return (long) EngagedHours.count(profile, hour);
            }

            @Override
            public int size() {
                return EngagedHours.HOURS_OF_WEEK;
            }
        };
    }

    private static Object timeOrNull(Long time) {
        return time == null ? NullValue.NULL_VALUE : time;
    }

    private static Map<String, Object> engagement(Profile profile, ContactPolicy policy, long now) {
        if (profile == null || profile.getEngagement().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> channels = new HashMap<>();
        profile.getEngagement().forEach((channel, stored) -> {
            ChannelEngagement counts = Engagement.decayedCopy(stored, now, policy.engagementHalfLifeMillis());
            channels.put(channel, Map.of("delivered", counts.getDelivered(), "opened", counts.getOpened(),
                    "clicked", counts.getClicked(), "click_rate", Engagement.clickRate(profile, channel, policy, now)));
        });
        return channels;
    }
}
