package io.journeyflow.state.savepoint;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A line every few seconds on the error stream while a long read or write runs, so a person knows it is moving (the
 * standard output stays clean for the result). Quiet for runs shorter than one period.
 */
public final class Progress {

    /** How often a line is printed. */
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final Supplier<String> status;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;

    /** @param status what is going on right now, e.g. {@code "funnel: 12,000 customers read"} */
    public Progress(PrintWriter out, Supplier<String> status) {
        this.out = out;
        this.status = status;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "journeyctl-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::report, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        synchronized (out) {
            out.printf("%s (%d s)%n", status.get(), seconds);
            out.flush();
        }
    }

    public void stop() {
        ticker.shutdownNow();
    }
}
