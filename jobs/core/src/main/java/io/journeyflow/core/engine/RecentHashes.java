package io.journeyflow.core.engine;

import io.journeyflow.schema.state.CustomerState;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The duplicate filter's event-id hashes, oldest first, as the {@code List<Long>} the state schema declares but held
 * in one {@code long[]} ring. Every event scans this list: as boxed {@code Long}s, allocated one per event over the
 * customer's life, each comparison was a cache miss, and dropping the oldest shifted the array.
 *
 * <p>The state keeps whatever list it was read or copied with (Avro builds its own); {@link #of} swaps such a list
 * for a ring once, the first time the engine touches the customer after a restore.
 */
public final class RecentHashes extends AbstractList<Long> implements RandomAccess {

    private long[] ring;
    private int oldest;
    private int size;

    public RecentHashes() {
        this(4);
    }

    private RecentHashes(int capacity) {
        ring = new long[Math.max(1, capacity)];
    }

    /** The state's hashes as a ring, set into the state if they were not one yet. */
    static RecentHashes of(CustomerState state) {
        List<Long> hashes = state.getRecentEventHashes();
        if (hashes instanceof RecentHashes ring) {
            return ring;
        }
        RecentHashes ring = new RecentHashes(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            ring.addLast(hashes.get(i));
        }
        state.setRecentEventHashes(ring);
        return ring;
    }

    boolean containsHash(long hash) {
        // Order does not matter here: the occupied slots, up to the end of the array and then from its start.
        int end = oldest + size;
        int wrapped = end - ring.length;
        for (int i = oldest; i < Math.min(end, ring.length); i++) {
            if (ring[i] == hash) {
                return true;
            }
        }
        for (int i = 0; i < wrapped; i++) {
            if (ring[i] == hash) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code hash}, dropping the oldest ones so that at most {@code limit} remain. */
    void remember(long hash, int limit) {
        while (size > 0 && size >= limit) {
            dropOldest();
        }
        addLast(hash);
    }

    /** The hash at position {@code index}, oldest first, unboxed. */
    long getLong(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ring[(oldest + index) % ring.length];
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
        addLast(hash);
        return true;
    }

    @Override
    public Long remove(int index) {
        if (index != 0) {
            throw new UnsupportedOperationException("the duplicate filter only drops its oldest hash");
        }
        long dropped = getLong(0);
        dropOldest();
        return dropped;
    }

    @Override
    public void clear() {
        oldest = 0;
        size = 0;
        modCount++;
    }

    private void dropOldest() {
        oldest = (oldest + 1) % ring.length;
        size--;
        modCount++;
    }

    private void addLast(long hash) {
        if (size == ring.length) {
            long[] grown = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = getLong(i);
            }
            ring = grown;
            oldest = 0;
        }
        ring[(oldest + size) % ring.length] = hash;
        size++;
        modCount++;
    }
}
