package io.journeyflow.state.savepoint;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.state.api.input.MultiStateKeyIterator;
import org.apache.flink.state.api.input.operator.StateReaderOperator;
import org.apache.flink.state.api.runtime.SavepointRuntimeContext;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Runs a {@link KeyedStateReaderFunction} over every key of a keyed operator, like Flink's own
 * {@code KeyedStateReaderOperator}, but keeps the timers in an in-memory {@link TimerIndex}.
 *
 * <p>Why not Flink's: its {@code open()} copies every timer of the reader's key groups into a per-key list state
 * before the first key is read (with RocksDB one merge write per timer, into a backend that the savepoint
 * environment gives 64 MB), then reads that list back per key. At 10 million customers that copy, its flushes and
 * compactions made the funnel run for over half an hour. The index costs heap instead (see {@link TimerIndex}).
 * Built on the same State Processor API classes ({@code StateReaderOperator}, {@code MultiStateKeyIterator}: marked
 * internal, so a Flink upgrade must re-run the savepoint tests, which read timers through this class).
 */
final class IndexedTimersReaderOperator<K, OUT>
        extends StateReaderOperator<KeyedStateReaderFunction<K, OUT>, K, VoidNamespace, OUT> {

    private static final long serialVersionUID = 1L;

    /** The name Flink's keyed process operators give their timer service, which the savepoint restores under. */
    static final String USER_TIMERS = "user-timers";

    private transient TimerIndex<K> eventTimers;
    private transient TimerIndex<K> processingTimers;

    IndexedTimersReaderOperator(KeyedStateReaderFunction<K, OUT> function, TypeInformation<K> keyType) {
        super(function, keyType, VoidNamespaceSerializer.INSTANCE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        InternalTimerService<VoidNamespace> timers = getInternalTimerService(USER_TIMERS);
        eventTimers = new TimerIndex<>();
        processingTimers = new TimerIndex<>();
        // The timer service sets each timer's key as the current key before it calls back.
        timers.forEachEventTimeTimer((namespace, time) -> {
            if (namespace.equals(VoidNamespace.INSTANCE)) {
                eventTimers.add((K) getCurrentKey(), time);
            }
        });
        timers.forEachProcessingTimeTimer((namespace, time) -> {
            if (namespace.equals(VoidNamespace.INSTANCE)) {
                processingTimers.add((K) getCurrentKey(), time);
            }
        });
    }

    @Override
    public void processElement(K key, VoidNamespace namespace, Collector<OUT> out) throws Exception {
        function.readKey(key, new KeyTimers(eventTimers.take(key), processingTimers.take(key)), out);
    }

    @Override
    public CloseableIterator<Tuple2<K, VoidNamespace>> getKeysAndNamespaces(SavepointRuntimeContext context)
            throws Exception {
        context.disableStateRegistration();
        MultiStateKeyIterator<K> keys = new MultiStateKeyIterator<>(context.getStateDescriptors(),
                getKeyedStateBackend());
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Tuple2<K, VoidNamespace> next() {
                return Tuple2.of(keys.next(), VoidNamespace.INSTANCE);
            }

            @Override
            public void close() throws Exception {
                keys.close();
            }
        };
    }

    /** One key's timers, ascending, as the reader function asks for them (or takes them without boxing). */
    record KeyTimers(long[] eventTime, long[] processingTime) implements KeyedStateReaderFunction.Context {

        @Override
        public Set<Long> registeredEventTimeTimers() {
            return Arrays.stream(eventTime).boxed().collect(Collectors.toSet());
        }

        @Override
        public Set<Long> registeredProcessingTimeTimers() {
            return Arrays.stream(processingTime).boxed().collect(Collectors.toSet());
        }
    }
}
