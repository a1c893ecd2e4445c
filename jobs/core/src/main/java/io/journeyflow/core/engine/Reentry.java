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

    /** Remembers an exit only while it can forbid an entry; an after_exit record carries the time it expires. */
    static void recordExit(CustomerState state, String journeyId, CompiledJourney journey, long time) {
        ReentryPolicy policy = journey == null ? ReentryPolicy.ALWAYS : journey.reentryPolicy();
        if (policy == ReentryPolicy.ALWAYS || policy == ReentryPolicy.AFTER_EXIT && journey.cooldownMillis() <= 0) {
            state.getHistory().remove(journeyId);
        } else {
            Long forgetAt = policy == ReentryPolicy.NEVER ? null : time + journey.cooldownMillis();
            StateCollections.history(state).put(journeyId, new JourneyHistory(true, time, forgetAt));
        }
    }

    /** Drops history that can no longer forbid anything at {@code now} under the journey's current version. */
    static void prune(CustomerState state, JourneyCatalog catalog, long now) {
        for (Iterator<Map.Entry<String, JourneyHistory>> it = state.getHistory().entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JourneyHistory> entry = it.next();
            CompiledJourney journey = catalog.current(entry.getKey());
            Long forgetAt = entry.getValue().getForgetAt();
            if (journey == null || forgetAt != null && forgetAt <= now
                    || journey.reentryPolicy() != ReentryPolicy.NEVER && admits(journey, entry.getValue(), now)) {
                it.remove();
            }
        }
    }
}
