package io.journeyflow.core.definition;

import java.util.ArrayList;
import java.util.List;

/** Reads an action's {@code channel}: a channel name, {@code best}, or {@code best(c1, c2, ...)}. */
final class Channels {

    private Channels() {
    }

    /**
     * Returns an empty list for a plain channel, the candidates for {@code best}, or {@code null} after reporting
     * a bad channel.
     */
    static List<String> parse(String channel, Scope scope) {
        String text = channel.trim();
        if (text.equals("best")) {
            return ActionSpec.DEFAULT_BEST;
        }
        if (!text.startsWith("best(")) {
            if (ActionSpec.CHANNELS.contains(text)) {
                return List.of();
            }
            scope.error("channel", "unknown channel '" + channel + "'; channels: "
                    + String.join(", ", ActionSpec.CHANNELS) + ", best, best(c1, c2, ...)");
            return null;
        }
        if (!text.endsWith(")")) {
            scope.error("channel", "'" + channel + "' must look like best(email, push)");
            return null;
        }
        List<String> candidates = new ArrayList<>();
        for (String part : text.substring(5, text.length() - 1).split(",")) {
            String name = part.trim();
            if (!ActionSpec.CHANNELS.contains(name)) {
                scope.error("channel", "unknown channel '" + name + "' in '" + channel + "'");
                return null;
            }
            if (candidates.contains(name)) {
                scope.error("channel", "channel '" + name + "' is listed twice in '" + channel + "'");
                return null;
            }
            candidates.add(name);
        }
        return candidates;
    }
}
