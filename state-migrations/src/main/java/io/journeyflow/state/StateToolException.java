package io.journeyflow.state;

/**
 * A problem the user can fix (a wrong path, a savepoint of another job, a bad input file). The message is one line
 * meant for a person; the command line prints it without a stack trace.
 */
public final class StateToolException extends RuntimeException {

    public StateToolException(String message) {
        super(message);
    }

    public StateToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
