package io.journeyflow.local.generate;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a producer to a target rate: the n-th event may go at start + n / rate, never earlier. A producer that falls
 * behind (a slow broker) catches up at full speed rather than losing events, so the average rate holds.
 */
final class RatePacer {

    private final double nanosPerEvent;
    private final long startedAt;
    private long count;

    /** @param eventsPerSecond the target; 0 or less: no limit */
    RatePacer(double eventsPerSecond) {
        this.nanosPerEvent = eventsPerSecond > 0 ? 1e9 / eventsPerSecond : 0;
        this.startedAt = System.nanoTime();
    }

    /** Returns when the next event is due. */
    void awaitTurn() {
        long due = startedAt + (long) (count++ * nanosPerEvent);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
