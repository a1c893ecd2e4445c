package io.journeyflow.core.engine;

import io.journeyflow.core.policy.FrequencyCap;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.LedgerEntry;
import java.util.List;

/**
 * The per-customer record of actions sent, across all journeys, oldest first; what frequency caps and arbitration
 * count. Entries are kept exactly as long as a cap window or the arbitration window can still count them.
 */
final class Ledger {

    private Ledger() {
    }

    static void record(CustomerState state, long at, String channel, String category, String journeyId, int priority,
            long retentionMillis) {
        List<LedgerEntry> ledger = StateCollections.ledger(state);
        int position = ledger.size();
        while (position > 0 && ledger.get(position - 1).getAt() > at) {
            position--;
        }
        // Kept while (now - retention) <= at, i.e. up to at + retention inclusive.
        ledger.add(position, new LedgerEntry(at, channel, category, journeyId, priority, at + retentionMillis + 1));
    }

    /**
     * The earliest time at or after {@code now} when one more action fits under {@code cap}: windows are half-open,
     * (t - window, t], so an action exactly one window ago no longer counts.
     */
    static long allowedAt(List<LedgerEntry> ledger, FrequencyCap cap, long now) {
        long windowStart = now - cap.windowMillis();
        int counted = 0;
        for (int i = ledger.size() - 1; i >= 0; i--) {
            LedgerEntry entry = ledger.get(i);
            if (entry.getAt() <= windowStart) {
                break;
            }
            if (entry.getAt() <= now && cap.counts(entry)) {
                counted++;
                if (counted == cap.max()) {
                    // Once this entry leaves the window, one place is free.
                    return entry.getAt() + cap.windowMillis();
                }
            }
        }
        return now;
    }

    /**
     * Forgets entries no cap or arbitration can count any more at {@code now}. Each entry carries its own expiry, so
     * the state alone says when it ends (the state tools need no policy), even across a policy change.
     */
    static void prune(CustomerState state, long now) {
        // By index: a ledger read back by Avro is a GenericData.Array, whose iterator cannot remove (removeIf throws).
        List<LedgerEntry> ledger = state.getLedger();
        for (int i = ledger.size() - 1; i >= 0; i--) {
            if (ledger.get(i).getForgetAt() <= now) {
                ledger.remove(i);
            }
        }
    }

    /** When the last entry can be forgotten, or {@code Long.MIN_VALUE} for an empty ledger. */
    static long lastForgetAt(CustomerState state) {
        long latest = Long.MIN_VALUE;
        List<LedgerEntry> ledger = state.getLedger();
        for (int i = 0; i < ledger.size(); i++) {
            latest = Math.max(latest, ledger.get(i).getForgetAt());
        }
        return latest;
    }
}
