package io.journeyflow.state.customer;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.savepoint.KeyFilter;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.Progress;
import io.journeyflow.state.savepoint.SavedState;
import io.journeyflow.state.savepoint.Savepoint;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Reads the orchestrator's per-customer state ({@code StateDescriptors.customerState()} under the orchestrator's uid)
 * with each customer's event-time timers, on a local Flink, and hands every customer to the caller as it arrives.
 */
public final class CustomerStates {

    private final Savepoint savepoint;
    private final int parallelism;
    private final PrintWriter console;

    /**
     * @param parallelism of the reading job
     * @param console where progress lines go
     */
    public CustomerStates(Savepoint savepoint, int parallelism, PrintWriter console) {
        this.savepoint = savepoint;
        this.parallelism = parallelism;
        this.console = console;
    }

    /** Every customer the filter keeps, in no particular order; returns how many there were. */
    public long forEach(String command, KeyFilter keys, Consumer<SavedState<String, CustomerState>> each) {
        var states = read(LocalFlink.batch(parallelism), command, keys);
        AtomicLong read = new AtomicLong();
        Progress progress = new Progress(console, () -> String.format("%s: %,d customers read", command, read.get()));
        try {
            return LocalFlink.collect(states, "journeyctl state " + command + " " + savepoint.path(), customer -> {
                each.accept(customer);
                read.incrementAndGet();
            });
        } finally {
            progress.stop();
        }
    }

    /** The customers the filter keeps as a stream of a job on {@code env}, for queries that fold them in the job. */
    public DataStream<SavedState<String, CustomerState>> read(StreamExecutionEnvironment env, String command,
                                                              KeyFilter keys) {
        savepoint.require(command, OperatorIds.ORCHESTRATOR);
        return savepoint.readValueState(env, OperatorIds.ORCHESTRATOR, StateDescriptors.customerState(),
                StreamTypes.CUSTOMER_STATE, keys);
    }
}
