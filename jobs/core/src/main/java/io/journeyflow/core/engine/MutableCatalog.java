package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.Map;

/**
 * A {@link JourneyCatalog} that the job updates as deployments arrive. Not thread-safe.
 */
public final class MutableCatalog implements JourneyCatalog {

    /**
     * Puts (or replaces) one journey with every version still needed.
     *
     * @param status the lifecycle status in force now
     * @param currentVersion the version new entries get
     * @param versions every version customers may still be pinned to, the current one included
     */
    public void deploy(String journeyId, JourneyStatus status, int currentVersion, Map<Integer, CompiledJourney> versions) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Forgets a journey completely. */
    public void remove(String journeyId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public java.util.List<CompiledJourney> enteringOn(String eventType) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public CompiledJourney pinned(String journeyId, int version) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public CompiledJourney current(String journeyId) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
