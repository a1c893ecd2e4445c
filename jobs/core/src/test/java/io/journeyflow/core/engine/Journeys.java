package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.schema.state.JourneyStatus;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Compiles inline test journeys and deploys them into a catalog. */
final class Journeys {

    static final long T0 = Instant.parse("2026-11-02T10:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    private static final JourneyCompiler COMPILER = new JourneyCompiler();

    private Journeys() {
    }

    static CompiledJourney compile(String yaml) {
        CompilationResult result = COMPILER.compile(yaml);
        assertThat(result.errors()).as("test journey compiles").isEmpty();
        return result.journey();
    }

    /** A catalog with each document deployed as the current (and only) version of its journey. */
    static MutableCatalog catalog(String... yamls) {
        MutableCatalog catalog = new MutableCatalog();
        for (String yaml : yamls) {
            CompiledJourney journey = compile(yaml);
            catalog.deploy(journey.id(), JourneyStatus.active, journey.version(), Map.of(journey.version(), journey));
        }
        return catalog;
    }

    /** Deploys every given version of one journey, the highest current. */
    static void deployVersions(MutableCatalog catalog, String... yamls) {
        Map<Integer, CompiledJourney> versions = new TreeMap<>();
        for (String yaml : yamls) {
            CompiledJourney journey = compile(yaml);
            versions.put(journey.version(), journey);
        }
        CompiledJourney current = ((TreeMap<Integer, CompiledJourney>) versions).lastEntry().getValue();
        catalog.deploy(current.id(), JourneyStatus.active, current.version(), versions);
    }
}
