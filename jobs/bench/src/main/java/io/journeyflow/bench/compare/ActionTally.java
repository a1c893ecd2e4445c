package io.journeyflow.bench.compare;

import io.journeyflow.schema.Action;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for jobs run on a Flink inside this JVM: counts the actions of a run and sums a 64-bit hash of each (equal
 * counts and sums: the same actions, in any order, with near certainty), and keeps them when asked to.
 */
public final class ActionTally implements Sink<Action> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Tally> RUNS = new ConcurrentHashMap<>();

    private final String runId;
    private final boolean keep;

    private ActionTally(String runId, boolean keep) {
        this.runId = runId;
        this.keep = keep;
        RUNS.put(runId, new Tally());
    }

    /** Counts and hashes only: what a benchmark can afford at any size. */
    public static ActionTally counting(String runId) {
        return new ActionTally(runId, false);
    }

    /** Also keeps every action, for tests to compare. */
    public static ActionTally collecting(String runId) {
        return new ActionTally(runId, true);
    }

    /** The run's tally, forgotten here. */
    public static Tally take(String runId) {
        return RUNS.remove(runId);
    }

    @Override
    public SinkWriter<Action> createWriter(WriterInitContext context) {
        Tally tally = RUNS.get(runId);
        return new SinkWriter<>() {
            @Override
            public void write(Action action, Context context) {
                tally.add(action, keep);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** What one run wrote. */
    public static final class Tally {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong digest = new AtomicLong();
        private final ConcurrentLinkedQueue<Action> kept = new ConcurrentLinkedQueue<>();

        void add(Action action, boolean keep) {
            count.incrementAndGet();
            digest.addAndGet((long) action.hashCode() << 32 ^ action.getActionId().hashCode() ^ action.getDecidedAt());
            if (keep) {
                kept.add(action);
            }
        }

        public long count() {
            return count.get();
        }

        public long digest() {
            return digest.get();
        }

        public List<Action> actions() {
            return List.copyOf(kept);
        }
    }
}
