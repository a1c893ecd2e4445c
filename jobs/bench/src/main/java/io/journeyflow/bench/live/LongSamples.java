package io.journeyflow.bench.live;

import java.util.Arrays;

/** A growing array of longs: millions of latency samples without a boxed object each. */
final class LongSamples {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
