package io.journeyflow.local.kafka;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One line for a user about why a command failed, instead of a stack trace. The causes are included because the
 * Kafka client's own messages ("Failed to create new KafkaAdminClient") hide what actually went wrong.
 */
public final class CommandErrors {

    private CommandErrors() {
    }

    /** Prints "journeyctl COMMAND: what went wrong" and returns the exit code for a failure. */
    public static int report(CommandSpec command, Exception problem) {
        PrintWriter err = command.commandLine().getErr();
        err.println("journeyctl " + command.name() + ": " + describe(problem));
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The message and those of its causes, without repeats. */
    static String describe(Throwable problem) {
        StringBuilder line = new StringBuilder(String.valueOf(problem.getMessage()));
        for (Throwable cause = problem.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && line.indexOf(message) < 0) {
                line.append(": ").append(message);
            }
        }
        return line.toString();
    }
}
