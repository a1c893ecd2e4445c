package io.journeyflow.state.funnel;

import java.util.Arrays;

/** A growable array of longs: the funnel keeps two per customer in flight, boxed longs would be five times that. */
final class LongList {

    private long[] values = new long[16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    int countBelow(long limit) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] < limit) {
                count++;
            }
        }
        return count;
    }
}
