package io.journeyflow.core.definition;

/** A condition could not be evaluated. Carries no stack trace: it is expected input trouble, not a bug. */
public final class ConditionFailure extends Exception {

    ConditionFailure(String message) {
        super(message, null, false, false);
    }
}
