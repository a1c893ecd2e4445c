package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.state.CustomerState;
import java.util.Arrays;

/** Bookkeeping shared by everything that moves instances. */
final class Instances {

    private Instances() {
    }

    /** The customer's journey ids in id order: outputs must not depend on a hash map's iteration order. */
    static String[] sortedIds(CustomerState state) {
        String[] ids = state.getInstances().keySet().toArray(new String[0]);
        Arrays.sort(ids);
        return ids;
    }

    /** Forgets an ended instance (its exit is already reported) and remembers what re-entry rules need. */
    static void close(CustomerState state, String journeyId, CompiledJourney journey, long time) {
        state.getInstances().remove(journeyId);
        Reentry.recordExit(state, journeyId, journey, time);
    }
}
