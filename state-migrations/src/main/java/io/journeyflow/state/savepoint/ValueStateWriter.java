package io.journeyflow.state.savepoint;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

/**
 * Writes one value state per key into a new savepoint, and registers exactly the timers each key arrives with (never
 * timers derived afresh: a timer that already fired must not fire again). Feed it one element per key (see
 * {@link RepeatedKey}): what it throws never reaches the job.
 */
public final class ValueStateWriter<V> extends KeyedStateBootstrapFunction<String, SavedState<String, V>> {

    private static final long serialVersionUID = 1L;

    private final ValueStateDescriptor<V> descriptor;
    private transient ValueState<V> state;

    /** @param descriptor the job's own descriptor (from {@code StateDescriptors}) */
    public ValueStateWriter(ValueStateDescriptor<V> descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(SavedState<String, V> saved, Context ctx) throws Exception {
        state.update(saved.value());
        saved.registerTimers(ctx.timerService());
    }
}
