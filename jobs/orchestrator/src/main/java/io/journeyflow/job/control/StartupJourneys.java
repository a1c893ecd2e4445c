package io.journeyflow.job.control;

import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.state.JourneyRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The journeys of a start-up folder ({@code *.yaml}, {@code *.yml}, {@code *.json}, in file name order). They go
 * through the registry like control records, so each gets its answer; the valid ones also form the orchestrator's
 * initial catalog, so that the very first events already meet them.
 *
 * @param records one control record per file, keyed by the id the document declares
 * @param catalog what the registry rules make of the records, starting from nothing
 */
public record StartupJourneys(List<ControlRecord> records, List<JourneyRecord> catalog) {

    public static StartupJourneys none() {
        return new StartupJourneys(List.of(), List.of());
    }

    /** Reads the folder; a folder that cannot be read fails the start, as any bad configuration does. */
    public static StartupJourneys load(Path folder) {
        if (folder == null) {
            return none();
        }
        JourneyCompiler compiler = new JourneyCompiler();
        List<ControlRecord> records = new ArrayList<>();
        for (Path file : documents(folder)) {
            String text = read(file);
            records.add(ControlRecord.newBuilder()
                    .setKey(compiler.compile(text).journeyId())
                    .setText(text)
                    .setSourceTopic(file.toString())
                    .setPartition(0)
                    .setOffset(records.size())
                    .build());
        }
        DeploymentRules rules = new DeploymentRules(compiler);
        Map<String, JourneyRecord> catalog = new LinkedHashMap<>();
        for (ControlRecord record : records) {
            String key = JourneyRegistry.keyOf(record);
            JourneyRecord updated = rules.apply(catalog.get(key), record).updated();
            if (updated != null) {
                catalog.put(key, updated);
            }
        }
        return new StartupJourneys(List.copyOf(records), List.copyOf(catalog.values()));
    }

    private static List<Path> documents(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journeys folder " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journey file " + file, e);
        }
    }
}
