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
import java.util.function.Consumer;

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
        return own(state.getInstances(), state::setInstances);
    }

    static Map<String, JourneyHistory> history(CustomerState state) {
        return own(state.getHistory(), state::setHistory);
    }

    static Map<String, Suppression> suppressions(CustomerState state) {
        return own(state.getSuppressions(), state::setSuppressions);
    }

    static List<LedgerEntry> ledger(CustomerState state) {
        if (state.getLedger() == Collections.<LedgerEntry>emptyList()) {
            state.setLedger(new ArrayList<>());
        }
        return state.getLedger();
    }

    private static <V> Map<String, V> own(Map<String, V> map, Consumer<Map<String, V>> replace) {
        if (map != Collections.<String, V>emptyMap()) {
            return map;
        }
        Map<String, V> own = new HashMap<>();
        replace.accept(own);
        return own;
    }
}
