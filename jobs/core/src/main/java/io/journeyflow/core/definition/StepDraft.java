package io.journeyflow.core.definition;

import java.util.ArrayList;
import java.util.List;

/** A step as read from the document, before its targets are resolved to step indices. */
final class StepDraft {

    /** A target that names a step (or {@code end}) and where the name was written, for error messages. */
    record Target(String name, String field) {
    }

    final String id;
    final StepKind kind;
    final Scope scope;

    Target next;
    Target onTimeout;
    long durationMillis;
    String eventType;
    Condition condition;
    boolean correlate;
    ActionSpec action;
    final List<Condition> branchConditions = new ArrayList<>();
    final List<Target> branchTargets = new ArrayList<>();
    final List<String> splitVariants = new ArrayList<>();
    final List<Integer> splitWeights = new ArrayList<>();
    String outcome;

    StepDraft(String id, StepKind kind, Scope scope) {
        this.id = id;
        this.kind = kind;
        this.scope = scope;
    }
}
