package io.journeyflow.core.profile;

import io.journeyflow.core.policy.ActivityRule;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Behaviour counters in daily buckets (UTC days): "page views in shoes in the last 5 days" is the sum of the buckets of
 * today and the 4 days before. Each bucket is one long, {@code epochDay << 32 | count}; only days with activity are
 * stored, at most the policy's {@code activity_days}, for at most {@code max_activity_keys} keys per customer.
 */
public final class ActivityCounts {

    static final long DAY_MILLIS = 86_400_000L;

    private ActivityCounts() {
    }

    static void record(Profile profile, ContactPolicy policy, CustomerEvent event) {
        long day = Math.floorDiv(event.getTs(), DAY_MILLIS);
        for (ActivityRule rule : policy.activity()) {
            if (!rule.eventType().equals(event.getType())) {
                continue;
            }
            add(profile.getActivity(), rule.eventType(), day, policy.activityDays());
            Object value = rule.byProperty() == null ? null : event.getProperties().get(rule.byProperty());
            if (value != null) {
                add(profile.getActivity(), rule.eventType() + ":" + value, day, policy.activityDays());
            }
        }
        evictBeyond(profile.getActivity(), policy.maxActivityKeys());
    }

    /** Events counted under {@code key} in the {@code days} UTC days up to and including the day of {@code now}. */
    public static long count(Profile profile, String key, int days, long now) {
        List<Long> buckets = profile == null ? null : profile.getActivity().get(key);
        if (buckets == null) {
            return 0;
        }
        long today = Math.floorDiv(now, DAY_MILLIS);
        long total = 0;
        for (int i = buckets.size() - 1; i >= 0; i--) {
            long day = buckets.get(i) >> 32;
            if (day <= today - days) {
                break;
            }
            if (day <= today) {
                total += buckets.get(i) & 0xFFFF_FFFFL;
            }
        }
        return total;
    }

    private static void add(Map<String, List<Long>> activity, String key, long day, int keepDays) {
        List<Long> buckets = activity.computeIfAbsent(key, k -> new ArrayList<>(4));
        int at = buckets.size();
        while (at > 0 && (buckets.get(at - 1) >> 32) > day) {
            at--; // a late event goes into its own day, not today's
        }
        if (at > 0 && (buckets.get(at - 1) >> 32) == day) {
            long bucket = buckets.get(at - 1);
            if ((bucket & 0xFFFF_FFFFL) < 0xFFFF_FFFFL) {
                buckets.set(at - 1, bucket + 1);
            }
        } else {
            buckets.add(at, day << 32 | 1);
        }
        long newest = buckets.get(buckets.size() - 1) >> 32;
        while ((buckets.get(0) >> 32) <= newest - keepDays) {
            buckets.remove(0);
        }
    }

    /** Drops the keys whose latest activity is oldest (ties: the greatest key) until at most {@code max} remain. */
    private static void evictBeyond(Map<String, List<Long>> activity, int max) {
        while (activity.size() > max) {
            String stalest = null;
            long stalestDay = Long.MAX_VALUE;
            for (Map.Entry<String, List<Long>> entry : activity.entrySet()) {
                long day = entry.getValue().get(entry.getValue().size() - 1) >> 32;
                if (day < stalestDay || day == stalestDay && entry.getKey().compareTo(stalest) > 0) {
                    stalest = entry.getKey();
                    stalestDay = day;
                }
            }
            activity.remove(stalest);
        }
    }
}
