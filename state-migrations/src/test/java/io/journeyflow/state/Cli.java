package io.journeyflow.state;

import io.journeyflow.state.cli.StateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code journeyctl state ...} in this JVM and keeps what it printed. */
public record Cli(int exit, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine state = new CommandLine(new StateCommand());
        state.setOut(new PrintWriter(out, true));
        state.setErr(new PrintWriter(err, true));
        int exit = state.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** The error stream's last line: where a failure is reported, after any progress lines of a long run. */
    public String lastErrLine() {
        return err.lines().reduce((first, second) -> second).orElse("");
    }
}
