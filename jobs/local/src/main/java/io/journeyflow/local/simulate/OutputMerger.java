package io.journeyflow.local.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the per-subtask files of one output into one file in a canonical order, so that the result does not depend on
 * how many subtasks there were. Records sort by time, customer, journey and instance; the sort is stable and the
 * subtask files are read in subtask order, so records that tie (one customer, one instant) keep the order in which the
 * engine emitted them: all of a customer's records come from the one subtask that owns the customer.
 */
final class OutputMerger {

    private OutputMerger() {}

    /** Orders actions and journey events: by {@code timeField}, then customer, journey, instance. */
    static Comparator<OutputLine> byTimeThenCustomer(String timeField) {
        return Comparator.<OutputLine, Instant>comparing(l -> Instant.parse(l.field(timeField)))
                .thenComparing(l -> l.field("customer_id"))
                .thenComparing(l -> l.field("journey_id"))
                .thenComparing(l -> l.field("instance_id"));
    }

    /** Orders records that name no journey (erasures) by time; the text breaks ties. */
    static Comparator<OutputLine> byTimeThenText(String timeField) {
        return Comparator.<OutputLine, Instant>comparing(l -> Instant.parse(l.field(timeField)))
                .thenComparing(OutputLine::text);
    }

    /** Orders dead letters and deployments by where they came from; the text breaks ties. */
    static Comparator<OutputLine> bySource() {
        return Comparator.<OutputLine, String>comparing(l -> l.field("source_topic"))
                .thenComparingLong(l -> l.json().path("partition").asLong())
                .thenComparingLong(l -> l.json().path("offset").asLong())
                .thenComparing(OutputLine::text);
    }

    /**
     * Reads every {@code <name>-<subtask>.jsonl} in {@code parts} in subtask order, sorts, writes {@code target} (when
     * not null) and returns the sorted lines.
     */
    static List<OutputLine> merge(Path parts, String name, Comparator<OutputLine> order, Path target)
            throws IOException {
        Pattern partName = Pattern.compile(Pattern.quote(name) + "-(\\d+)\\.jsonl");
        List<Path> partFiles;
        try (Stream<Path> files = Files.list(parts)) {
            partFiles = files.filter(f -> partName.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(f -> subtaskOf(partName, f)))
                    .toList();
        }
        List<OutputLine> lines = new ArrayList<>();
        for (Path part : partFiles) {
            for (String text : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                lines.add(OutputLine.parse(text));
            }
        }
        lines.sort(order);
        if (target != null) {
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                for (OutputLine line : lines) {
                    out.write(line.text());
                    out.write('\n');
                }
            }
        }
        return lines;
    }

    private static int subtaskOf(Pattern partName, Path file) {
        Matcher matcher = partName.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a part file: " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
