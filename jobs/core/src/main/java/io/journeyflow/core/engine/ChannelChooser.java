package io.journeyflow.core.engine;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.policy.FrequencyCap;
import io.journeyflow.core.profile.Engagement;
import io.journeyflow.core.profile.Profiles;
import io.journeyflow.schema.state.LedgerEntry;
import io.journeyflow.schema.state.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code channel: best}: among the candidates the customer has not opted out of (and, if any, those no cap blocks
 * now), the highest posterior click rate; a share of decisions explores instead. Both the exploring and the pick
 * come from the action id's hash, so a replay decides the same.
 */
final class ChannelChooser {

    record Choice(String channel, String reason) {
    }

    private final ContactPolicy policy;

    ChannelChooser(ContactPolicy policy) {
        this.policy = policy;
    }

    /** @param actionHash the hex hash of the action's identity: the seed of exploration */
    Choice choose(List<String> candidates, Profile profile, List<LedgerEntry> ledger, String category,
            String actionHash, long now) {
        List<String> allowed = new ArrayList<>(candidates.size());
        for (String channel : candidates) {
            if (!Profiles.optedOut(profile, channel)) {
                allowed.add(channel);
            }
        }
        List<String> uncapped = new ArrayList<>(allowed.size());
        for (String channel : allowed) {
            if (!capped(ledger, channel, category, now)) {
                uncapped.add(channel);
            }
        }
        List<String> eligible = uncapped.isEmpty() ? allowed : uncapped;
        if (eligible.isEmpty()) {
            return new Choice(null, "");
        }
        double[] rates = new double[eligible.size()];
        int best = 0;
        for (int i = 0; i < rates.length; i++) {
            rates[i] = Engagement.clickRate(profile, eligible.get(i), policy, now);
            if (rates[i] > rates[best]) {
                best = i;
            }
        }
        long hash = Long.parseUnsignedLong(actionHash.substring(0, 15), 16);
        double draw = (hash >>> 8) / (double) (1L << 52);
        boolean explore = eligible.size() > 1 && draw < policy.channelChoice().exploreRate();
        int chosen = explore ? (int) ((hash & 0xFF) % eligible.size()) : best;
        StringBuilder reason = new StringBuilder("best: ").append(eligible.get(chosen))
                .append(explore ? " (exploring); click rate " : "; click rate ");
        for (int i = 0; i < rates.length; i++) {
            reason.append(i == 0 ? "" : (i == 1 ? " vs " : ", ")).append(eligible.get(i)).append(' ')
                    .append(twoDecimals(rates[i]));
        }
        return new Choice(eligible.get(chosen), reason.toString());
    }

    /**
     * {@code String.format("%.2f")} of a rate, without the cost of a {@code Formatter} on every action: near a
     * rounding tie, or outside the range of rates, the formatter itself decides, so the text never differs.
     */
    static String twoDecimals(double value) {
        double scaled = value * 100;
        double floor = Math.floor(scaled);
        if (!(value >= 0 && value < 1_000_000) || Math.copySign(1.0, value) < 0
                || Math.abs(scaled - floor - 0.5) < 1e-6) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        long cents = (long) floor + (scaled - floor > 0.5 ? 1 : 0);
        long fraction = cents % 100;
        return (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private boolean capped(List<LedgerEntry> ledger, String channel, String category, long now) {
        for (FrequencyCap cap : policy.caps()) {
            if (cap.covers(channel, category) && Ledger.allowedAt(ledger, cap, now) > now) {
                return true;
            }
        }
        return false;
    }
}
