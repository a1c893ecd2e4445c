package io.journeyflow.bench.live;

/** A failed checkpoint as Flink's checkpoint history lists it, with Flink's reason. */
record FailedCheckpoint(long id, String message) {

    /** Declined because a task was not running (the job starting, or its bounded start-up source finishing). */
    boolean taskNotRunning() {
        return message.contains("tasks not ready");
    }
}
