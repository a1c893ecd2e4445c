package io.journeyflow.state.migration;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.state.StateToolException;
import io.journeyflow.state.savepoint.ByKey;
import io.journeyflow.state.savepoint.KeyFilter;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.SavedState;
import io.journeyflow.state.savepoint.Savepoint;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.api.SavepointWriterOperatorFactory;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.state.api.output.operators.KeyedStateBootstrapOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;

/**
 * The skeleton of a state migration: a copy of a savepoint in which one keyed operator's state is rewritten key by
 * key from its old value state and timers, and every other operator (sources with their offsets, sinks with their
 * transactions) is kept as it was. What the new layout is, and that the timers read are registered again, is up to
 * the bootstrap function (see {@link SavedState#registerTimers}).
 *
 * <p>The operator is replaced whole: any other state it held (broadcast state, a second keyed state) must be written
 * again too, or it is gone ({@link OrchestratorRewrite} does that for the orchestrator's journey catalog).
 *
 * @param operator the keyed operator to rewrite
 * @param oldState its value state as the savepoint holds it
 * @param check a value state of the new layout that every key has: the result is read back with it and its keys
 *     counted, since a bootstrap function's failures never reach the job
 */
public record OperatorRewrite<V, C>(OperatorIds.Id operator, ValueStateDescriptor<V> oldState,
                                    TypeInformation<V> oldType, ValueStateDescriptor<C> check,
                                    TypeInformation<C> checkType, int parallelism) {

    /** @return how many keys were rewritten */
    public long apply(Savepoint source, String target,
                      KeyedStateBootstrapFunction<String, SavedState<String, V>> newLayout) {
        return apply(source, target, (timestamp, path) ->
                SimpleOperatorFactory.of(new KeyedStateBootstrapOperator<>(0L, timestamp, path, newLayout)));
    }

    /** As {@link #apply(Savepoint, String, KeyedStateBootstrapFunction)}, with an operator of the caller's making. */
    public long apply(Savepoint source, String target, SavepointWriterOperatorFactory newLayout) {
        long keys = source.countKeys(parallelism, operator, oldState, oldType);
        StreamExecutionEnvironment env = LocalFlink.batch(parallelism);
        OperatorIdentifier id = OperatorIdentifier.forUid(operator.uid());
        try {
            var old = source.readValueState(env, operator, oldState, oldType, KeyFilter.all());
            SavepointWriter.fromExistingSavepoint(env, source.path(), new HashMapStateBackend())
                    .removeOperator(id)
                    .withOperator(id, OperatorTransformation.bootstrapWith(old).keyBy(new ByKey<>(), Types.STRING)
                            .transform(newLayout))
                    .write(target);
            env.execute("rewrite " + operator.uid() + " of " + source.path());
        } catch (Exception e) {
            throw new StateToolException("rewriting " + operator.uid() + " failed: " + LocalFlink.rootCause(e), e);
        }
        long written = Savepoint.open(target).countKeys(parallelism, operator, check, checkType);
        if (written != keys) {
            throw new StateToolException("rewriting " + operator.uid() + " lost keys: " + keys + " read, " + written
                    + " written to " + target);
        }
        return written;
    }
}
