package io.journeyflow.core.engine;

/**
 * The engine's instance and action ids, for code outside the engine that must agree with it record for record (a
 * downstream sender re-deriving an id, a job written without Journeyflow compared against it). Not thread-safe: one
 * per operator instance, like the engine.
 */
public final class DerivedIds {

    private final Ids ids = new Ids();

    /** The id of the instance that {@code entryEventId} starts for this customer in this journey. */
    public String instanceId(String customerId, String journeyId, String entryEventId) {
        return ids.instanceId(customerId, journeyId, entryEventId);
    }

    /**
     * The id of an action sent on {@code channel} at step {@code stepId}, the {@code seq}-th step the instance reached
     * (its entry step is the first).
     */
    public String actionId(String channel, String customerId, String journeyId, int version, String instanceId,
            String stepId, int seq) {
        return ActionIds.of(channel, ids.actionId(customerId, journeyId, version, instanceId, stepId, seq));
    }
}
