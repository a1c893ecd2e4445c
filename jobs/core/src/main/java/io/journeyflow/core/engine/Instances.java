package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
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
        // Runs on every event of a customer in several journeys: each priority is looked up once, and the few ids
        // are insertion-sorted alongside their priorities, rather than looked up again on every comparison.
        Map<String, JourneyInstance> instances = state.getInstances();
        String[] ids = new String[instances.size()];
        int[] priorities = new int[ids.length];
        int count = 0;
        for (Map.Entry<String, JourneyInstance> entry : instances.entrySet()) {
            String id = entry.getKey();
            int priority = priority(catalog, id, entry.getValue());
            int at = count++;
            while (at > 0 && actsBefore(priority, id, priorities[at - 1], ids[at - 1])) {
                ids[at] = ids[at - 1];
                priorities[at] = priorities[at - 1];
                at--;
            }
            ids[at] = id;
            priorities[at] = priority;
        }
        return ids;
    }

    /** Whether journey {@code a} acts before {@code b} at the same instant. */
    static boolean before(JourneyCatalog catalog, String a, JourneyInstance instanceA, String b,
            JourneyInstance instanceB) {
        return actsBefore(priority(catalog, a, instanceA), a, priority(catalog, b, instanceB), b);
    }

    private static boolean actsBefore(int priorityA, String a, int priorityB, String b) {
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
