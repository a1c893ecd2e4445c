package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.Arrays;
import java.util.Map;

/** Bookkeeping shared by everything that moves instances. */
final class Instances {

    private Instances() {
    }

    /**
     * The customer's journey ids in the order journeys act: higher priority first (it wins arbitration), then journey
     * id, so outputs never depend on a hash map's iteration order.
     */
    static String[] inActingOrder(JourneyCatalog catalog, CustomerState state) {
        Map<String, JourneyInstance> instances = state.getInstances();
        String[] ids = instances.keySet().toArray(new String[0]);
        Arrays.sort(ids, (a, b) -> before(catalog, a, instances.get(a), b, instances.get(b)) ? -1
                : before(catalog, b, instances.get(b), a, instances.get(a)) ? 1 : 0);
        return ids;
    }

    /** Whether journey {@code a} acts before {@code b} at the same instant. */
    static boolean before(JourneyCatalog catalog, String a, JourneyInstance instanceA, String b,
            JourneyInstance instanceB) {
        int priorityA = priority(catalog, a, instanceA);
        int priorityB = priority(catalog, b, instanceB);
        return priorityA != priorityB ? priorityA > priorityB : a.compareTo(b) < 0;
    }

    private static int priority(JourneyCatalog catalog, String journeyId, JourneyInstance instance) {
        CompiledJourney journey = catalog.pinned(journeyId, instance.getVersion());
        return journey == null ? Integer.MIN_VALUE : journey.priority();
    }

    /** Forgets an ended instance (its exit is already reported) and remembers what re-entry rules need. */
    static void close(CustomerState state, String journeyId, CompiledJourney journey, long time) {
        state.getInstances().remove(journeyId);
        Reentry.recordExit(state, journeyId, journey, time);
    }
}
