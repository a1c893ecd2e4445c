package io.journeyflow.core.definition;

/** One arm of a {@code branch} step: go to step index {@code target} when {@code condition} holds. */
public record BranchArm(Condition condition, int target) {
}
