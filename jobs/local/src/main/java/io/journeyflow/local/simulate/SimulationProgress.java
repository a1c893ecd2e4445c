package io.journeyflow.local.simulate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one simulation run, for the progress line only (never for results). A simulation runs its
 * MiniCluster in this JVM, so the operators can share plain counters with the command instead of going through
 * Flink's metric reporters. Operators running anywhere else find no registered run and count into a throwaway.
 */
public final class SimulationProgress {

    public static final String LINES = "lines";
    public static final String BYTES = "bytes";

    private static final ConcurrentMap<String, SimulationProgress> RUNS = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    private SimulationProgress() {}

    static SimulationProgress register(String runId) {
        SimulationProgress progress = new SimulationProgress();
        RUNS.put(runId, progress);
        return progress;
    }

    static void unregister(String runId) {
        RUNS.remove(runId);
    }

    static SimulationProgress of(String runId) {
        SimulationProgress progress = runId == null ? null : RUNS.get(runId);
        return progress == null ? new SimulationProgress() : progress;
    }

    AtomicLong counter(String name) {
        return counters.computeIfAbsent(name, n -> new AtomicLong());
    }

    long get(String name) {
        AtomicLong counter = counters.get(name);
        return counter == null ? 0 : counter.get();
    }
}
