package io.journeyflow.bench.live;

import java.util.Arrays;

/** Exact percentiles of a set of samples (sorted once, nearest rank), as an HDR histogram would report them. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The smallest sample that at least {@code quantile} of all samples are at or below (nearest rank). */
    public long at(double quantile) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public long max() {
        return at(1.0);
    }
}
