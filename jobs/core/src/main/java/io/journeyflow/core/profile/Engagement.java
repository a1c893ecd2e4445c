package io.journeyflow.core.profile;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.schema.state.ChannelEngagement;
import io.journeyflow.schema.state.Profile;

/**
 * Per-channel deliveries, opens and clicks, decayed by a half-life so that last year's clicks weigh less than last
 * week's. Counts are kept decayed to the newest event seen; an older (late) event adds its weight at that point.
 */
public final class Engagement {

    private Engagement() {
    }

    static void record(Profile profile, String channel, String eventType, long time, long halfLifeMillis) {
        ChannelEngagement counts = profile.getEngagement().get(channel);
        if (counts == null) {
            counts = new ChannelEngagement(0.0, 0.0, 0.0, time);
            profile.getEngagement().put(channel, counts);
        }
        decay(counts, time, halfLifeMillis);
        switch (eventType) {
            case "message_delivered" -> counts.setDelivered(counts.getDelivered() + 1);
            case "message_opened" -> counts.setOpened(counts.getOpened() + 1);
            default -> counts.setClicked(counts.getClicked() + 1);
        }
    }

    /** The posterior click rate on {@code channel} as of {@code now}; the prior's for a channel without history. */
    public static double clickRate(Profile profile, String channel, ContactPolicy policy, long now) {
        ChannelEngagement stored = profile == null ? null : profile.getEngagement().get(channel);
        if (stored == null) {
            return policy.channelChoice().clickRate(0, 0);
        }
        ChannelEngagement counts = decayedCopy(stored, now, policy.engagementHalfLifeMillis());
        return policy.channelChoice().clickRate(counts.getClicked(), trials(counts));
    }

    /** The counts as of {@code now}, leaving the stored ones untouched (decisions must not write state). */
    public static ChannelEngagement decayedCopy(ChannelEngagement stored, long now, long halfLifeMillis) {
        ChannelEngagement counts = new ChannelEngagement(stored.getDelivered(), stored.getOpened(), stored.getClicked(),
                stored.getDecayedAt());
        decay(counts, now, halfLifeMillis);
        return counts;
    }

    /** Brings the counts forward to {@code time}; never backwards. */
    static void decay(ChannelEngagement counts, long time, long halfLifeMillis) {
        long elapsed = time - counts.getDecayedAt();
        if (elapsed <= 0) {
            return;
        }
        double factor = Math.pow(0.5, (double) elapsed / halfLifeMillis);
        counts.setDelivered(counts.getDelivered() * factor);
        counts.setOpened(counts.getOpened() * factor);
        counts.setClicked(counts.getClicked() * factor);
        counts.setDecayedAt(time);
    }

    /**
     * Deliveries as far as the evidence goes: senders that never report deliveries still report opens and clicks,
     * and a click implies a delivery.
     */
    public static double trials(ChannelEngagement counts) {
        return Math.max(counts.getDelivered(), Math.max(counts.getOpened(), counts.getClicked()));
    }
}
