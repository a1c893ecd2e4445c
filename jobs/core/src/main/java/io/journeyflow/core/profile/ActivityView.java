package io.journeyflow.core.profile;

import io.journeyflow.core.definition.Durations;
import io.journeyflow.schema.state.Profile;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code profile.activity["page_view:shoes"]["5d"]}: counts computed only when a condition asks, for any key (a key
 * never seen counts 0) and any whole number of days. Lookups of windows that are not whole days fail the condition
 * with a clear message.
 */
final class ActivityView extends AbstractMap<String, Object> {

    private final Profile profile;
    private final long now;

    ActivityView(Profile profile, long now) {
        this.profile = profile;
        this.now = now;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    @Override
    public Object get(Object key) {
        return key instanceof String counter ? new Windows(counter) : null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }

    /** Durations' own parse, without its regular expression for the usual "5d" (this runs per event and condition). */
    static long windowMillis(String window) {
        int unit = window.length() - 1;
        if (unit < 1 || unit > 3 || window.charAt(unit) != 'd') {
            return Durations.parse(window);
        }
        long days = 0;
        for (int i = 0; i < unit; i++) {
            char digit = window.charAt(i);
            if (digit < '0' || digit > '9') {
                return Durations.parse(window);
            }
            days = days * 10 + (digit - '0');
        }
        return days * ActivityCounts.DAY_MILLIS;
    }

    private final class Windows extends AbstractMap<String, Object> {

        private final String key;

        Windows(String key) {
            this.key = key;
        }

        @Override
        public boolean containsKey(Object window) {
            return window instanceof String;
        }

        @Override
        public Object get(Object window) {
            long millis = windowMillis((String) window);
            if (millis <= 0 || millis % ActivityCounts.DAY_MILLIS != 0) {
                throw new IllegalArgumentException(
                        "activity windows are whole days such as \"5d\", not \"" + window + "\"");
            }
            return ActivityCounts.count(profile, key, (int) (millis / ActivityCounts.DAY_MILLIS), now);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
