package io.journeyflow.core.definition;

import io.journeyflow.schema.state.JourneyStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated, compiled journey version: immutable, safe to share, cheap to evaluate. The engine walks it; the job
 * only needs the identity accessors.
 */
public final class CompiledJourney {

    /** What {@link #indexOf} answers for a step id the journey does not have. */
    public static final int NO_STEP = -2;

    private final String id;
    private final int version;
    private final JourneyStatus status;
    private final int priority;
    private final String category;
    private final String entryEventType;
    private final Condition entryCondition;
    private final ReentryPolicy reentryPolicy;
    private final long cooldownMillis;
    private final List<ExitRule> exits;
    private final int holdoutBasisPoints;
    private final UpdatePolicy onUpdate;
    private final Map<String, String> migrate;
    private final CompiledStep[] steps;
    private final Map<String, Integer> stepIndex = new HashMap<>();
    private final Set<String> awaitedEventTypes = new HashSet<>();
    private final String fingerprint;

    CompiledJourney(JourneyDraft draft, CompiledStep[] steps, String fingerprint) {
        this.id = draft.id;
        this.version = draft.version;
        this.status = draft.status;
        this.priority = draft.priority;
        this.category = draft.category;
        this.entryEventType = draft.entryEventType;
        this.entryCondition = draft.entryCondition;
        this.reentryPolicy = draft.reentryPolicy;
        this.cooldownMillis = draft.cooldownMillis;
        this.exits = List.copyOf(draft.exits);
        this.holdoutBasisPoints = draft.holdoutBasisPoints;
        this.onUpdate = draft.onUpdate;
        this.migrate = Map.copyOf(draft.migrate);
        this.steps = steps.clone();
        for (int i = 0; i < steps.length; i++) {
            stepIndex.put(steps[i].id(), i);
            if (steps[i].kind() == StepKind.WAIT_FOR) {
                awaitedEventTypes.add(steps[i].eventType());
            }
        }
        this.fingerprint = fingerprint;
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    /** The lifecycle status the document asks for ({@code status:} field, default active). */
    public JourneyStatus status() {
        return status;
    }

    public int priority() {
        return priority;
    }

    /** promotional, service or transactional. */
    public String category() {
        return category;
    }

    /** The event type that can start an instance. */
    public String entryEventType() {
        return entryEventType;
    }

    /** The entry condition, or {@code null} when every event of the entry type qualifies. */
    public Condition entryCondition() {
        return entryCondition;
    }

    public ReentryPolicy reentryPolicy() {
        return reentryPolicy;
    }

    /** For {@link ReentryPolicy#AFTER_EXIT}: how long after an exit re-entry stays closed. */
    public long cooldownMillis() {
        return cooldownMillis;
    }

    public List<ExitRule> exits() {
        return exits;
    }

    /** The control group's share in hundredths of a percent (0..10000). */
    public int holdoutBasisPoints() {
        return holdoutBasisPoints;
    }

    public UpdatePolicy onUpdate() {
        return onUpdate;
    }

    /** For {@link UpdatePolicy#MIGRATE}: old step id to this version's step id. */
    public Map<String, String> migrate() {
        return migrate;
    }

    public int stepCount() {
        return steps.length;
    }

    public CompiledStep step(int index) {
        return steps[index];
    }

    /** The index of a step, or {@link #NO_STEP}. */
    public int indexOf(String stepId) {
        Integer index = stepIndex.get(stepId);
        return index == null ? NO_STEP : index;
    }

    /** Whether some {@code wait_for} step awaits this event type: lets the engine skip events nobody waits for. */
    public boolean awaits(String eventType) {
        return awaitedEventTypes.contains(eventType);
    }

    /**
     * A stable hash of everything in the document except {@code status}, so that re-sending the same version with only
     * a status change is recognised, and a changed document under an old version number is refused.
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return id + " v" + version;
    }
}
