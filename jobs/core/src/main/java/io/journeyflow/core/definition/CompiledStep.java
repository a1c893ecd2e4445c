package io.journeyflow.core.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a compiled journey, with every target resolved to a step index ({@link #END} ends the instance with
 * outcome {@code completed}). Immutable.
 */
public final class CompiledStep {

    public static final int END = -1;

    private final String id;
    private final StepKind kind;
    private final int next;
    private final int onTimeout;
    private final long durationMillis;
    private final String eventType;
    private final Condition condition;
    private final boolean correlate;
    private final ActionSpec action;
    private final List<BranchArm> branches;
    private final List<SplitArm> splits;
    private final String outcome;

    CompiledStep(StepDraft draft, int next, int onTimeout, List<BranchArm> branches, List<SplitArm> splits) {
        this.id = draft.id;
        this.kind = draft.kind;
        this.next = next;
        this.onTimeout = onTimeout;
        this.durationMillis = draft.durationMillis;
        this.eventType = draft.eventType;
        this.condition = draft.condition;
        this.correlate = draft.correlate;
        this.action = draft.action;
        this.branches = List.copyOf(branches);
        this.splits = List.copyOf(splits);
        this.outcome = draft.outcome;
    }

    public String id() {
        return id;
    }

    public StepKind kind() {
        return kind;
    }

    /** Where the instance goes next: the {@code next} target, the following step, or the {@code goto} target; for
     * a branch, where it goes when no arm holds. */
    public int next() {
        return next;
    }

    /** For {@code wait_for}: where the instance goes at the deadline. */
    public int onTimeout() {
        return onTimeout;
    }

    /** For {@code wait} and {@code wait_for}: how long after the step is reached the deadline falls. */
    public long durationMillis() {
        return durationMillis;
    }

    /** For {@code wait_for}: the event type awaited. */
    public String eventType() {
        return eventType;
    }

    /** For {@code wait_for}: the extra condition on the awaited event, or {@code null}. */
    public Condition condition() {
        return condition;
    }

    /** For {@code wait_for}: whether the event must carry the instance's last action id. */
    public boolean correlate() {
        return correlate;
    }

    public ActionSpec action() {
        return action;
    }

    public List<BranchArm> branches() {
        return branches;
    }

    public List<SplitArm> splits() {
        return splits;
    }

    /** For {@code end}: the outcome the instance ends with. */
    public String outcome() {
        return outcome;
    }

    /** Every step index this step can lead to in the step graph. */
    List<Integer> successors() {
        List<Integer> out = new ArrayList<>();
        switch (kind) {
            case WAIT, ACTION, GOTO -> out.add(next);
            case WAIT_FOR -> {
                out.add(next);
                out.add(onTimeout);
            }
            case BRANCH -> {
                branches.forEach(arm -> out.add(arm.target()));
                out.add(next);
            }
            case SPLIT -> splits.forEach(arm -> out.add(arm.target()));
            case END -> { }
        }
        out.removeIf(target -> target == END);
        return out;
    }
}
