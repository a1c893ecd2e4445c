package io.journeyflow.core.policy;

import io.journeyflow.schema.state.LedgerEntry;

/**
 * At most {@code max} actions in any rolling window of {@code windowMillis}, counting actions on {@code channel} (any
 * channel when {@code null}) of {@code category} (any non-transactional category when {@code null}). Transactional
 * actions are never capped and never counted.
 */
public record FrequencyCap(String id, String channel, String category, int max, long windowMillis) {

    public static final String TRANSACTIONAL = "transactional";

    /** Whether this cap applies to an action on {@code channel} of {@code category}. */
    public boolean covers(String channel, String category) {
        return !TRANSACTIONAL.equals(category)
                && (this.channel == null || this.channel.equals(channel))
                && (this.category == null || this.category.equals(category));
    }

    public boolean counts(LedgerEntry entry) {
        return covers(entry.getChannel(), entry.getCategory());
    }
}
