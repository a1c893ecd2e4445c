package io.journeyflow.job.orchestrator;

import io.journeyflow.schema.state.CustomerState;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * The orchestrator's customer state, optionally through a write-back cache of the customers used last.
 *
 * <p>A backend that keeps serialized copies (RocksDB) decodes the whole customer for every event and encodes it again
 * after, yet a customer's events come in sessions: most events find their customer among the few thousand seen last.
 * Those stay decoded here. A changed customer is written to the backend when it leaves the cache and, for every
 * customer still in it, before each snapshot ({@link #flush}), so checkpoints and savepoints hold what writing through
 * would have held; whatever was not flushed is lost only with the run a restore discards anyway. On the heap backend
 * the state already is the object, and the cache stays off.
 *
 * <p>The flush runs on the task thread inside the checkpoint's synchronous phase, and every event waits behind it. So
 * the number of cached customers that may stay changed can be bounded: past it, the customer changed longest ago is
 * written back at once. A flush then writes at most that many, at the price of more writes between checkpoints.
 */
final class CustomerStore {

    private final ValueState<CustomerState> backend;
    /** Access order, eldest first; {@code null} while the cache is off. */
    private LinkedHashMap<Object, Kept> recent;
    /** The changed entries of {@link #recent}, in the order they changed (insertion order: one changed again stays). */
    private LinkedHashMap<Object, Kept> changed;
    private int maxChanged;
    private KeyContext keys;
    private int capacity;
    private Counter hits;
    private Counter misses;
    /** The entry of the customer the current call loaded, if cached: storing it needs no second lookup. */
    private Kept current;

    CustomerStore(ValueState<CustomerState> backend) {
        this.backend = backend;
    }

    /**
     * Turns the cache on.
     *
     * @param keys the operator, to switch the backend's current key while writing other customers back
     * @param capacity customers kept decoded; 0 leaves the cache off
     * @param maxChanged how many of them may hold changes not yet written back; 0: any
     */
    void keepRecent(KeyContext keys, int capacity, int maxChanged, MetricGroup metrics) {
        if (capacity <= 0) {
            return;
        }
        this.keys = keys;
        this.capacity = capacity;
        this.maxChanged = maxChanged == 0 ? Integer.MAX_VALUE : maxChanged;
        recent = new LinkedHashMap<>(16, 0.75f, true);
        changed = new LinkedHashMap<>();
        hits = metrics.counter("customerCacheHits");
        misses = metrics.counter("customerCacheMisses");
    }

    /** The current customer's state, or {@code null}; the engine may change it in place, so store it after. */
    CustomerState load(Object key) throws IOException {
        if (recent == null) {
            return backend.value();
        }
        current = recent.get(key);
        if (current != null) {
            hits.inc();
            return current.state;
        }
        misses.inc();
        CustomerState loaded = backend.value();
        if (loaded != null) {
            current = keep(key, loaded);
        }
        return loaded;
    }

    /** Stores the state of the customer the current call loaded. */
    void store(Object key, CustomerState state) throws IOException {
        if (recent == null) {
            backend.update(state);
        } else if (current == null) {
            current = keep(key, state);
            markChanged(key, current);
        } else {
            current.state = state;
            markChanged(key, current);
        }
    }

    /** A flag first, so that a customer changed again (most events) costs no lookup in {@link #changed}. */
    private void markChanged(Object key, Kept kept) throws IOException {
        if (kept.unwritten) {
            return;
        }
        kept.unwritten = true;
        changed.put(key, kept);
        if (changed.size() > maxChanged) {
            Iterator<Map.Entry<Object, Kept>> longestChanged = changed.entrySet().iterator();
            Map.Entry<Object, Kept> eldest = longestChanged.next();
            longestChanged.remove();
            writeBack(eldest.getKey(), eldest.getValue());
            keys.setCurrentKey(key);
        }
    }

    /** Gone at once from the backend too: an erased customer must not wait for a flush. */
    void erase(Object key) throws IOException {
        if (recent != null) {
            Kept kept = recent.remove(key);
            if (kept != null && kept.unwritten) {
                changed.remove(key);
            }
            current = null;
        }
        backend.clear();
    }

    /** Writes every changed customer to the backend; they stay cached. */
    void flush() throws IOException {
        if (recent == null) {
            return;
        }
        Object current = keys.getCurrentKey();
        for (Map.Entry<Object, Kept> entry : changed.entrySet()) {
            writeBack(entry.getKey(), entry.getValue());
        }
        changed.clear();
        if (current != null) {
            keys.setCurrentKey(current);
        }
    }

    /**
     * Adds the current key's customer, writing the eldest back if it is changed and the cache is full; the new entry
     * is the youngest, so never the one that goes.
     */
    private Kept keep(Object key, CustomerState state) throws IOException {
        Kept kept = new Kept(state);
        recent.put(key, kept);
        if (recent.size() > capacity) {
            Iterator<Map.Entry<Object, Kept>> eldestFirst = recent.entrySet().iterator();
            Map.Entry<Object, Kept> eldest = eldestFirst.next();
            eldestFirst.remove();
            if (eldest.getValue().unwritten) {
                changed.remove(eldest.getKey());
                writeBack(eldest.getKey(), eldest.getValue());
                keys.setCurrentKey(key);
            }
        }
        return kept;
    }

    private void writeBack(Object key, Kept kept) throws IOException {
        keys.setCurrentKey(key);
        backend.update(kept.state);
        kept.unwritten = false;
    }

    private static final class Kept {
        CustomerState state;
        /** Holds changes not yet written to the backend, and so is in {@link CustomerStore#changed}. */
        boolean unwritten;

        Kept(CustomerState state) {
            this.state = state;
        }
    }
}
