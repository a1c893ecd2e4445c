package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import java.util.List;

/** The journeys the engine may use for one decision. */
public interface JourneyCatalog {

    /**
     * Current versions of the journeys that admit new entries (status active) and start on this event type, in the
     * order they act: higher priority first, then journey id.
     */
    List<CompiledJourney> enteringOn(String eventType);

    /** The exact version a customer in flight is pinned to, or {@code null} if that version is unknown. */
    CompiledJourney pinned(String journeyId, int version);

    /** The current version of a journey (any status), or {@code null}; used for {@code on_update} eject/migrate. */
    CompiledJourney current(String journeyId);
}
