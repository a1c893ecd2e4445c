package io.journeyflow.core.engine;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.LedgerEntry;
import io.journeyflow.schema.state.Suppression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A new customer's instances, history, ledger and suppressions start as the JDK's shared empty collections, and
 * become their own the first time something is added. Most customers never have a suppression or a ledger entry, and
 * many never enter a journey, yet every event reads these collections (to tidy and to find the due times): an empty
 * collection of each customer's own is a cache miss on each read, the shared one is always in cache. Avro writes
 * them as any empty collection and reads back its own, so only the heap backend keeps them shared.
 */
final class StateCollections {

    private StateCollections() {
    }

    static CustomerState emptyState() {
        return new CustomerState(Collections.emptyMap(), Collections.emptyMap(), new RecentHashes(), null,
                Collections.emptyList(), Collections.emptyMap(), null);
    }

    static Map<String, JourneyInstance> instances(CustomerState state) {
        if (state.getInstances() == Collections.<String, JourneyInstance>emptyMap()) {
            state.setInstances(new HashMap<>());
        }
        return state.getInstances();
    }

    static Map<String, JourneyHistory> history(CustomerState state) {
        if (state.getHistory() == Collections.<String, JourneyHistory>emptyMap()) {
            state.setHistory(new HashMap<>());
        }
        return state.getHistory();
    }

    static Map<String, Suppression> suppressions(CustomerState state) {
        if (state.getSuppressions() == Collections.<String, Suppression>emptyMap()) {
            state.setSuppressions(new HashMap<>());
        }
        return state.getSuppressions();
    }

    static List<LedgerEntry> ledger(CustomerState state) {
        if (state.getLedger() == Collections.<LedgerEntry>emptyList()) {
            state.setLedger(new ArrayList<>());
        }
        return state.getLedger();
    }
}
