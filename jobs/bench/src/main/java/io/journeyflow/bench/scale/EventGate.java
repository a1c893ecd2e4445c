package io.journeyflow.bench.scale;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * Lets a generator source emit exactly as many records as the benchmark allows so far, across all its readers, and
 * then holds them without blocking their threads: a held reader answers "nothing available" with a pending future,
 * so checkpoint barriers still pass while the benchmark measures the state that a phase left behind.
 */
public final class EventGate {

    /**
     * The gate the benchmark's source obeys. The MiniCluster runs in the benchmark's own JVM and loads the job's
     * classes from the application class path, so the readers and the benchmark's main thread see this one instance.
     */
    public static final EventGate SHARED = new EventGate();

    private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private long limit;
    private long granted;

    /** One permit per record; a permit granted later completes the reader's pending future. */
    public synchronized CompletionStage<Void> acquire() {
        if (granted < limit) {
            granted++;
            return GRANTED;
        }
        CompletableFuture<Void> pending = new CompletableFuture<>();
        waiting.add(pending);
        return pending;
    }

    /** Allows {@code total} records in all since the start; never lowers the limit. */
    public void raiseTo(long total) {
        List<CompletableFuture<Void>> released = new ArrayList<>();
        synchronized (this) {
            limit = Math.max(limit, total);
            while (granted < limit && !waiting.isEmpty()) {
                granted++;
                released.add(waiting.poll());
            }
        }
        // Completing runs the readers' callbacks: not while holding the lock they may need.
        released.forEach(future -> future.complete(null));
    }

    public synchronized long granted() {
        return granted;
    }

    /** The rate limiter strategy of a source that obeys {@link #SHARED}. */
    public static <S extends SourceSplit> RateLimiterStrategy<S> sharedStrategy() {
        return parallelism -> new RateLimiter<S>() {
            @Override
            public CompletionStage<Void> acquire(int requests) {
                return SHARED.acquire();
            }
        };
    }
}
