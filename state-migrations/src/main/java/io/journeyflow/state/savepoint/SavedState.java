package io.journeyflow.state.savepoint;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.TimerService;

/**
 * One key of a keyed operator as a savepoint holds it: the key, the value of one value state (or {@code null}), and
 * the event-time timers registered for the key, ascending. A tuple underneath, so Flink serializes it without Kryo.
 */
@SuppressWarnings("unchecked") // Flink's Tuple3.copy() itself narrows Tuple.copy() without a check
public final class SavedState<K, V> extends Tuple3<K, V, long[]> {

    private static final long serialVersionUID = 1L;

    /** For Flink's serializer only. */
    public SavedState() {
    }

    public SavedState(K key, V value, long[] eventTimeTimers) {
        super(key, value, eventTimeTimers);
    }

    public K key() {
        return f0;
    }

    public V value() {
        return f1;
    }

    /** Ascending. */
    public long[] timers() {
        return f2;
    }

    /**
     * Whether a timer will reach {@code time}: one is registered at or before it. The job keeps one timer per
     * customer, at the earliest due time, and moves it to the next due time when it fires; state written before 0.2
     * kept a timer at every due time, which reaches them too.
     */
    public boolean reaches(long time) {
        return f2.length > 0 && f2[0] <= time;
    }

    /** Registers exactly the timers the key had: a rewrite must neither lose a pending one nor revive a fired one. */
    public void registerTimers(TimerService timers) {
        for (long timer : f2) {
            timers.registerEventTimeTimer(timer);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V> TypeInformation<SavedState<K, V>> type(TypeInformation<K> key, TypeInformation<V> value) {
        return new TupleTypeInfo(SavedState.class, key, value, Types.PRIMITIVE_ARRAY(Types.LONG));
    }
}
