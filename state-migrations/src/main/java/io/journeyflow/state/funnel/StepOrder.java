package io.journeyflow.state.funnel;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders funnel rows by journey, version, then the step's position in that version's document (as the registry keeps
 * it), so a funnel reads top to bottom like the journey. Steps of versions the registry no longer knows sort by id,
 * after the known ones.
 */
final class StepOrder {

    private final Map<String, Map<Integer, CompiledJourney>> journeys = new HashMap<>();

    /** A version that no longer compiles simply has no known step positions. */
    void add(JourneyRecord record) {
        JourneyCompiler compiler = new JourneyCompiler();
        Map<Integer, CompiledJourney> versions = journeys.computeIfAbsent(record.getJourneyId(), id -> new HashMap<>());
        record.getVersions().forEach((version, text) -> {
            CompilationResult result = compiler.compile(text);
            if (result.isValid()) {
                versions.put(Integer.parseInt(version), result.journey());
            }
        });
    }

    Comparator<StepKey> comparator() {
        return Comparator.comparing(StepKey::journeyId)
                .thenComparingInt(StepKey::version)
                .thenComparingInt(this::position)
                .thenComparing(StepKey::stepId);
    }

    private int position(StepKey step) {
        CompiledJourney journey = journeys.getOrDefault(step.journeyId(), Map.of()).get(step.version());
        int index = journey == null ? CompiledJourney.NO_STEP : journey.indexOf(step.stepId());
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
