package io.journeyflow.core.definition;

import java.util.List;
import java.util.Map;

/**
 * What an {@code action} step sends.
 *
 * @param channel the channel, or {@code null} when the step asks for {@code best}
 * @param bestOf for {@code best}: the candidate channels in order of preference; empty otherwise
 * @param deferWhenCapped a capped action, or one that lost arbitration, waits until it may be sent ({@code if_capped:
 *     defer}) instead of being skipped ({@code skip}, the default)
 * @param bestHourWithinMillis for {@code send_at: best_hour}: how far ahead the send may move; 0 sends at once
 */
public record ActionSpec(String channel, List<String> bestOf, String template, Map<String, String> payload,
        boolean deferWhenCapped, long bestHourWithinMillis) {

    /** Every channel an action may name; {@code best} chooses among the first four by default. */
    public static final List<String> CHANNELS =
            List.of("email", "push", "sms", "in_app", "ads", "call_center", "webhook");

    public static final List<String> DEFAULT_BEST = List.of("email", "push", "sms", "in_app");

    public ActionSpec {
        bestOf = List.copyOf(bestOf);
        payload = Map.copyOf(payload);
    }

    public boolean atBestHour() {
        return bestHourWithinMillis > 0;
    }

    public boolean isBest() {
        return channel == null;
    }
}
