package io.journeyflow.state.cli;

import io.journeyflow.state.customer.CustomerStates;
import io.journeyflow.state.savepoint.Savepoint;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The savepoint a query reads, and how many parallel readers read it. */
final class SavepointOptions {

    @Option(names = {"-s", "--savepoint"}, required = true, paramLabel = "DIR",
            description = "Savepoint (or retained checkpoint) directory of the orchestrator job; a path or URI.")
    String path;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N",
            description = "Parallel readers. Default: ${DEFAULT-VALUE}.")
    int parallelism;

    CustomerStates customers(PrintWriter console) {
        return new CustomerStates(Savepoint.open(path), parallelism, console);
    }
}
