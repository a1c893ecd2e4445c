package io.journeyflow.local.json;

/** A line that is not a usable customer event; the message says exactly what is wrong, for the dead letter. */
public final class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message);
    }
}
