package io.journeyflow.core.engine;

import io.journeyflow.schema.state.CustomerState;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The duplicate filter's event-id hashes, oldest first, as the {@code List<Long>} the state schema declares but held
 * in one {@code long[]}. Every event scans this list: as boxed {@code Long}s, allocated one per event over the
 * customer's life, each comparison was a cache miss.
 *
 * <p>The state keeps whatever list it was read or copied with (Avro builds its own); {@link #of} swaps such a list
 * for this one once, the first time the engine touches the customer after a restore.
 */
public final class RecentHashes extends AbstractList<Long> implements RandomAccess {

    private long[] hashes;
    private int size;

    public RecentHashes() {
        this(4);
    }

    private RecentHashes(int capacity) {
        hashes = new long[Math.max(1, capacity)];
    }

    /** The state's hashes as this list, set into the state if they were not one yet. */
    static RecentHashes of(CustomerState state) {
        List<Long> read = state.getRecentEventHashes();
        if (read instanceof RecentHashes recent) {
            return recent;
        }
        RecentHashes recent = new RecentHashes(read.size());
        for (int i = 0; i < read.size(); i++) {
            recent.add(read.get(i));
        }
        state.setRecentEventHashes(recent);
        return recent;
    }

    boolean containsHash(long hash) {
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code hash}, dropping the oldest ones so that at most {@code limit} remain. */
    void remember(long hash, int limit) {
        if (size > 0 && size >= limit) {
            dropOldest(size - limit + 1);
        }
        add(hash);
    }

    /** The hash at position {@code index}, oldest first, unboxed. */
    long getLong(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return hashes[index];
    }

    @Override
    public Long get(int index) {
        return getLong(index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean add(Long hash) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash;
        modCount++;
        return true;
    }

    @Override
    public Long remove(int index) {
        if (index != 0) {
            throw new UnsupportedOperationException("the duplicate filter only drops its oldest hash");
        }
        long dropped = getLong(0);
        dropOldest(1);
        return dropped;
    }

    @Override
    public void clear() {
        size = 0;
        modCount++;
    }

    /** A shift of at most a few dozen longs, once per event: the scan stays one straight loop over the array. */
    private void dropOldest(int count) {
        System.arraycopy(hashes, count, hashes, 0, size - count);
        size -= count;
        modCount++;
    }
}
