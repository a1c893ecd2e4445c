package io.journeyflow.core.definition;

import java.util.List;
import java.util.Map;

/**
 * What an {@code action} step sends.
 *
 * @param channel the channel, or {@code null} when the step asks for {@code best}
 * @param bestOf for {@code best}: the candidate channels in order of preference; empty otherwise
 */
public record ActionSpec(String channel, List<String> bestOf, String template, Map<String, String> payload) {

    /** Every channel an action may name; {@code best} chooses among the first four by default. */
    public static final List<String> CHANNELS =
            List.of("email", "push", "sms", "in_app", "ads", "call_center", "webhook");

    public static final List<String> DEFAULT_BEST = List.of("email", "push", "sms", "in_app");

    public ActionSpec {
        bestOf = List.copyOf(bestOf);
        payload = Map.copyOf(payload);
    }

    public boolean isBest() {
        return channel == null;
    }
}
