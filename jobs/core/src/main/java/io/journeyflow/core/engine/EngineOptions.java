package io.journeyflow.core.engine;

/**
 * Tuning of the engine.
 *
 * @param recentEventIds how many event ids per customer are remembered to drop duplicates
 * @param maxStepsPerRun a guard against runaway step chains in one instant (validation already rejects zero-delay
 *     loops); an instance that exceeds it ends with outcome {@code error:step_budget}
 */
public record EngineOptions(int recentEventIds, int maxStepsPerRun) {

    public static EngineOptions defaults() {
        return new EngineOptions(32, 256);
    }
}
