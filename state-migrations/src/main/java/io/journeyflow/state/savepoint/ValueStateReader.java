package io.journeyflow.state.savepoint;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one value state of a keyed operator together with each key's event-time timers. The descriptor must be the
 * job's own (from {@code StateDescriptors}): name and type decide whether the savepoint's state is found and read.
 *
 * <p>Emits exactly one element per key: Flink 2.2's savepoint source passes on a key that yields nothing as a null
 * record, which then fails to serialize, so filtering belongs downstream.
 */
public final class ValueStateReader<V> extends KeyedStateReaderFunction<String, SavedState<String, V>> {

    private static final long serialVersionUID = 1L;

    private final ValueStateDescriptor<V> descriptor;
    private transient ValueState<V> state;

    public ValueStateReader(ValueStateDescriptor<V> descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void readKey(String key, Context ctx, Collector<SavedState<String, V>> out) throws Exception {
        long[] timers = ctx instanceof IndexedTimersReaderOperator.KeyTimers indexed ? indexed.eventTime()
                : ctx.registeredEventTimeTimers().stream().mapToLong(Long::longValue).sorted().toArray();
        out.collect(new SavedState<>(key, state.value(), timers));
    }
}
