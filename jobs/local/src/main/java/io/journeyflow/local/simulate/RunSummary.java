package io.journeyflow.local.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The totals of one run (a simulation or the demo), computed from its output lines (never from live counters), so
 * that it is as reproducible as the outputs themselves. Maps are sorted: equal runs print equal bytes.
 */
public record RunSummary(
        InputStats input,
        SortedMap<String, String> journeys,
        SortedMap<String, Long> entries,
        SortedMap<String, Long> heldOut,
        SortedMap<String, Long> actions,
        SortedMap<String, Long> suppressed,
        SortedMap<String, Long> deferred,
        SortedMap<String, SortedMap<String, Long>> exits,
        SortedMap<String, Long> deadLetters) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunSummary of(InputStats input, List<OutputLine> deployments, List<OutputLine> journeyEvents,
                                List<OutputLine> actions, List<OutputLine> deadLetters) {
        SortedMap<String, String> journeys = new TreeMap<>();
        deployments.forEach(d ->
                journeys.put(d.field("journey_id"), "v" + d.field("version") + " " + d.field("status")));
        SortedMap<String, Long> entries = new TreeMap<>();
        SortedMap<String, Long> heldOut = new TreeMap<>();
        SortedMap<String, Long> suppressed = new TreeMap<>();
        SortedMap<String, Long> deferred = new TreeMap<>();
        SortedMap<String, SortedMap<String, Long>> exits = new TreeMap<>();
        for (OutputLine event : journeyEvents) {
            String journey = event.field("journey_id");
            switch (event.field("kind")) {
                case "entered" -> count(entries, journey);
                case "held_out" -> count(heldOut, journey);
                case "action_suppressed" ->
                        count(suppressed, journey + "/" + event.field("step_id") + " " + event.field("reason"));
                case "action_deferred" -> count(deferred, journey + "/" + event.field("step_id") + " "
                        + event.field("reason").replaceFirst(" until .*", ""));
                case "converted" -> count(exits.computeIfAbsent(journey, j -> new TreeMap<>()), "converted");
                case "exited" -> count(exits.computeIfAbsent(journey, j -> new TreeMap<>()), event.field("reason"));
                default -> { }
            }
        }
        SortedMap<String, Long> byStep = new TreeMap<>();
        actions.forEach(a ->
                count(byStep, a.field("journey_id") + "/" + a.field("step_id") + " -> " + a.field("channel")));
        SortedMap<String, Long> byError = new TreeMap<>();
        deadLetters.forEach(d -> count(byError, d.field("error_class")));
        return new RunSummary(input, journeys, entries, heldOut, byStep, suppressed, deferred, exits, byError);
    }

    public long actionCount() {
        return actions.values().stream().mapToLong(Long::longValue).sum();
    }

    public long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", new TreeMap<>(Map.of("lines", input.lines(), "events", input.events(),
                "duplicate_events", input.duplicates())));
        root.put("journeys", journeys);
        root.put("entries", entries);
        root.put("held_out", heldOut);
        root.put("actions_total", actionCount());
        root.put("actions", actions);
        root.put("suppressed", suppressed);
        root.put("deferred", deferred);
        root.put("exits", exits);
        root.put("dead_letters_total", deadLetterCount());
        root.put("dead_letters", deadLetters);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("input: %d lines, %d events, %d duplicate events, %d dead letters%n",
                input.lines(), input.events(), input.duplicates(), deadLetterCount()));
        section(out, "journeys", journeys);
        section(out, "entries", entries);
        section(out, "held out", heldOut);
        section(out, "actions (" + actionCount() + ") by journey/step -> channel", actions);
        section(out, "suppressed actions (policy, consent, holdout)", suppressed);
        section(out, "deferred actions (quiet hours, caps, arbitration, best hour)", deferred);
        SortedMap<String, Object> flatExits = new TreeMap<>();
        exits.forEach((journey, outcomes) ->
                outcomes.forEach((outcome, n) -> flatExits.put(journey + " " + outcome, n)));
        section(out, "exits by outcome", flatExits);
        section(out, "dead letters by error", deadLetters);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, SortedMap<String, ?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append(title).append(':').append(System.lineSeparator());
        rows.forEach((key, value) -> out.append(String.format("  %-60s %8s%n", key, value)));
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }
}
