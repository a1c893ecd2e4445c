package io.journeyflow.state.savepoint;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.state.StateToolException;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The skeleton of a state migration: a copy of a savepoint in which one keyed operator's state is rewritten key by
 * key from its old value state and timers, and every other operator (sources with their offsets, sinks with their
 * transactions) is kept as it was. What the new layout is, and that the timers read are registered again, is up to
 * the bootstrap function (see {@link SavedState#registerTimers}).
 *
 * <p>The operator is replaced whole: any other state it held (broadcast state, a second keyed state) must be written
 * by the new function too, or it is gone.
 */
public final class OperatorRewrite {

    private OperatorRewrite() {
    }

    /** @return how many keys were rewritten, as read back from {@code target} with {@code check} */
    public static <V, C> long rewrite(Savepoint source, String target, OperatorIds.Id operator,
                                      ValueStateDescriptor<V> oldState, TypeInformation<V> oldType,
                                      KeyedStateBootstrapFunction<String, SavedState<String, V>> newLayout,
                                      ValueStateDescriptor<C> check, TypeInformation<C> checkType, int parallelism) {
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
            // A bootstrap function's exceptions never reach the job: a shortfall is the only trace they leave.
            throw new StateToolException("rewriting " + operator.uid() + " lost keys: " + keys + " read, " + written
                    + " written to " + target);
        }
        return written;
    }
}
