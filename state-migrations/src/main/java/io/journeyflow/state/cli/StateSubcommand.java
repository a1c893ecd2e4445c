package io.journeyflow.state.cli;

import io.journeyflow.state.StateToolException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code journeyctl state} command shares: a problem the user can fix ends the command with one line on
 * the error stream and exit code 1, never a stack trace.
 */
abstract class StateSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    abstract int run(PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(spec.commandLine().getOut(), err);
        } catch (StateToolException e) {
            err.println("journeyctl state " + spec.name() + ": " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }
}
