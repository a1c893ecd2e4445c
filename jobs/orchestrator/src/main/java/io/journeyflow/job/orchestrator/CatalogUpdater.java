package io.journeyflow.job.orchestrator;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.core.engine.MutableCatalog;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns deployed journey records into the engine's catalog. Each orchestrator instance compiles the texts itself
 * (compilation is deterministic); a version is compiled once and reused while its text is unchanged.
 */
public final class CatalogUpdater {

    private final JourneyCompiler compiler = new JourneyCompiler();
    private final MutableCatalog catalog = new MutableCatalog();
    private final Map<String, Map<Integer, Compiled>> compiled = new HashMap<>();

    private record Compiled(String text, CompiledJourney journey) {
    }

    public MutableCatalog catalog() {
        return catalog;
    }

    /**
     * Puts one journey with all its versions into the catalog.
     *
     * @return how many versions did not compile (the registry validated them, so this means the compiler changed);
     *     they are left out, and customers pinned to them find no version
     */
    public int apply(JourneyRecord record) {
        Map<Integer, Compiled> previous = compiled.getOrDefault(record.getJourneyId(), Map.of());
        Map<Integer, Compiled> versions = new HashMap<>();
        int failures = 0;
        for (Map.Entry<String, String> entry : record.getVersions().entrySet()) {
            int version = Integer.parseInt(entry.getKey());
            Compiled known = previous.get(version);
            if (known != null && known.text().equals(entry.getValue())) {
                versions.put(version, known);
                continue;
            }
            CompilationResult result = compiler.compile(entry.getValue());
            if (result.isValid()) {
                versions.put(version, new Compiled(entry.getValue(), result.journey()));
            } else {
                failures++;
            }
        }
        compiled.put(record.getJourneyId(), versions);
        Map<Integer, CompiledJourney> journeys = new HashMap<>();
        versions.forEach((version, c) -> journeys.put(version, c.journey()));
        catalog.deploy(record.getJourneyId(), record.getStatus(), record.getCurrentVersion(), journeys);
        return failures;
    }

    /** Forgets a journey removed from the registry. */
    public void remove(String journeyId) {
        compiled.remove(journeyId);
        catalog.remove(journeyId);
    }
}
