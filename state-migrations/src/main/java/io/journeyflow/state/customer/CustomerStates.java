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
        savepoint.require(command, OperatorIds.ORCHESTRATOR);
        var states = savepoint.readValueState(LocalFlink.batch(parallelism), OperatorIds.ORCHESTRATOR,
                StateDescriptors.customerState(), StreamTypes.CUSTOMER_STATE, keys);
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
}
