package io.journeyflow.core.definition;

/** What a step does. Only the waiting kinds let time pass; every other kind runs in the same instant. */
public enum StepKind {
    WAIT("wait"),
    WAIT_FOR("wait_for"),
    ACTION("action"),
    BRANCH("branch"),
    SPLIT("split"),
    GOTO("goto"),
    END("end");

    private final String field;

    StepKind(String field) {
        this.field = field;
    }

    /** The document field that declares this kind. */
    public String field() {
        return field;
    }

    public boolean waits() {
        return this == WAIT || this == WAIT_FOR;
    }
}
