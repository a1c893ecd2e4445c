package io.journeyflow.core.engine;

import io.journeyflow.core.definition.ActionSpec;

/**
 * Action ids read {@code <channel>-<hash>}: the hash makes them unique and deterministic (downstream de-duplicates by
 * them), the channel lets an engagement event that names only the action ({@code properties.action_id}) be counted
 * for the right channel, without the job keeping a record of every action it sent.
 */
public final class ActionIds {

    private ActionIds() {
    }

    static String of(String channel, String hash) {
        return channel + "-" + hash;
    }

    /** The channel of an action id, or {@code null} when the text is not one. */
    public static String channelOf(String actionId) {
        int dash = actionId == null ? -1 : actionId.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        String channel = actionId.substring(0, dash);
        return ActionSpec.CHANNELS.contains(channel) ? channel : null;
    }
}
