package io.journeyflow.state.funnel;

import java.io.Serializable;
import java.util.Arrays;

/** A growable array of longs: the funnel keeps two per customer in flight, boxed longs would be five times that. */
final class LongList implements Serializable {

    private static final long serialVersionUID = 1L;

    private long[] values = new long[16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(LongList other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    /** The values from index {@code from} (inclusive) to {@code to} (exclusive; capped at the size). */
    LongList slice(int from, int to) {
        LongList slice = new LongList();
        int end = Math.min(to, size);
        if (from < end) {
            slice.values = Arrays.copyOfRange(values, from, end);
            slice.size = end - from;
        }
        return slice;
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
