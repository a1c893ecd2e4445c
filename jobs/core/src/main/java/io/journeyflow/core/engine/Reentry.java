package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.ReentryPolicy;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import java.util.Iterator;
import java.util.Map;

/** Re-entry rules, and the history they need: kept only as long as it can still forbid an entry. */
final class Reentry {

    private Reentry() {
    }

    static boolean admits(CompiledJourney journey, JourneyHistory history, long time) {
        if (history == null) {
            return true;
        }
        return switch (journey.reentryPolicy()) {
            case ALWAYS -> true;
            case NEVER -> !history.getEnteredEver();
            case AFTER_EXIT -> history.getLastExitAt() == null
                    || time >= history.getLastExitAt() + journey.cooldownMillis();
        };
    }

    static void recordExit(CustomerState state, String journeyId, ReentryPolicy policy, long time) {
        if (policy == ReentryPolicy.ALWAYS) {
            state.getHistory().remove(journeyId);
        } else {
            state.getHistory().put(journeyId, new JourneyHistory(true, time));
        }
    }

    /** Drops history that can no longer forbid anything at {@code now} under the journey's current version. */
    static void prune(CustomerState state, JourneyCatalog catalog, long now) {
        for (Iterator<Map.Entry<String, JourneyHistory>> it = state.getHistory().entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, JourneyHistory> entry = it.next();
            CompiledJourney journey = catalog.current(entry.getKey());
            if (journey == null || journey.reentryPolicy() != ReentryPolicy.NEVER && admits(journey, entry.getValue(), now)) {
                it.remove();
            }
        }
    }
}
