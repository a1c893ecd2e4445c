package io.journeyflow.core.definition;

import io.journeyflow.schema.state.JourneyStatus;

/**
 * A validated, compiled journey version: immutable, safe to share, cheap to evaluate. The engine walks it; the job
 * only needs the identity accessors below.
 */
public final class CompiledJourney {

    private CompiledJourney() {
        // API skeleton: implemented in the core engine work.
    }

    public String id() {
        throw new UnsupportedOperationException();
    }

    public int version() {
        throw new UnsupportedOperationException();
    }

    /** The lifecycle status the document asks for ({@code status:} field, default active). */
    public JourneyStatus status() {
        throw new UnsupportedOperationException();
    }

    public int priority() {
        throw new UnsupportedOperationException();
    }

    /** promotional, service or transactional. */
    public String category() {
        throw new UnsupportedOperationException();
    }

    /** The event type that can start an instance. */
    public String entryEventType() {
        throw new UnsupportedOperationException();
    }

    /**
     * A stable hash of everything in the document except {@code status}, so that re-sending the same version with only
     * a status change is recognised, and a changed document under an old version number is refused.
     */
    public String fingerprint() {
        throw new UnsupportedOperationException();
    }
}
