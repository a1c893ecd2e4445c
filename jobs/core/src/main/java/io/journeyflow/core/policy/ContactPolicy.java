package io.journeyflow.core.policy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The contact policy that holds across every journey for every customer: read once from a policy file (see
 * {@link PolicyReader}) and shared, immutable, by all engines of a job.
 *
 * @param defaultZone the time zone of customers whose profile names none
 * @param quietHours when not to contact customers, in their own time zone; {@code null}: never quiet
 * @param caps frequency caps, each over a rolling window
 * @param suppressions suppressions that events start (and possibly end)
 * @param arbitrationWindowMillis two actions for one customer from different journeys this close compete and the
 *     lower priority loses (0: only actions at the same instant); negative: no arbitration, every journey acts
 * @param arbitrationDeferMillis how long a deferred loser waits before it tries again
 * @param maxDeferMillis an action deferred (quiet hours, caps, arbitration) further than this after its step began
 *     is skipped instead, with reason {@code expired:...}
 * @param channelChoice how {@code channel: best} weighs the customer's engagement
 * @param defaultSendHour local hour for {@code send_at: best_hour} when the customer has no engagement history
 * @param engagementHalfLifeMillis engagement counts halve over this much event time
 * @param activity which behaviour events are counted per day, for {@code profile.activity}
 * @param activityDays how many days of behaviour counts are kept
 * @param maxActivityKeys how many counter keys one customer keeps (the least recently active key is dropped)
 */
public record ContactPolicy(ZoneId defaultZone, QuietHours quietHours, List<FrequencyCap> caps,
        List<SuppressionRule> suppressions, long arbitrationWindowMillis, long arbitrationDeferMillis,
        long maxDeferMillis, ChannelChoice channelChoice, int defaultSendHour, long engagementHalfLifeMillis,
        List<ActivityRule> activity, int activityDays, int maxActivityKeys) {

    public ContactPolicy {
        caps = List.copyOf(caps);
        suppressions = List.copyOf(suppressions);
        activity = List.copyOf(activity);
    }

    /** No quiet hours, caps, suppressions or arbitration: only consent applies. */
    public static ContactPolicy defaults() {
        return new ContactPolicy(ZoneId.of("UTC"), null, List.of(), List.of(), -1, Duration.ofHours(1).toMillis(),
                Duration.ofDays(7).toMillis(), ChannelChoice.defaults(), 10, Duration.ofDays(30).toMillis(), List.of(),
                30, 32);
    }

    /**
     * How long a ledger entry can still matter: the longest cap window, or the arbitration window; negative when
     * nothing reads the ledger, so nothing is recorded.
     */
    public long ledgerRetentionMillis() {
        long longest = arbitrationWindowMillis;
        for (FrequencyCap cap : caps) {
            longest = Math.max(longest, cap.windowMillis());
        }
        return longest;
    }

    /** Whether events of this type feed a behaviour counter. */
    public boolean countsActivity(String eventType) {
        for (ActivityRule rule : activity) {
            if (rule.eventType().equals(eventType)) {
                return true;
            }
        }
        return false;
    }
}
