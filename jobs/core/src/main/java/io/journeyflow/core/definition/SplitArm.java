package io.journeyflow.core.definition;

/**
 * One arm of a {@code split} step. Arms partition the buckets 0..9999: this arm owns buckets below {@code bucketLimit}
 * that no earlier arm owns.
 */
public record SplitArm(String variant, int bucketLimit, int target) {
}
