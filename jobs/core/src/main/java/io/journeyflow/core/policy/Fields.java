package io.journeyflow.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyflow.core.definition.Durations;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads fields of one part of a policy file, recording every problem with its path, so one pass reports all. */
final class Fields {

    private final List<String> problems;
    private final String prefix;
    private final JsonNode node;

    Fields(List<String> problems, String prefix) {
        this(problems, prefix, null);
    }

    private Fields(List<String> problems, String prefix, JsonNode node) {
        this.problems = problems;
        this.prefix = prefix;
        this.node = node;
    }

    List<String> problems() {
        return problems;
    }

    /** The mapping these fields read, or {@code null} when it is absent. */
    JsonNode node() {
        return node;
    }

    void error(String field, String message) {
        problems.add("field '" + path(field) + "': " + message);
    }

    private String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** The mapping under {@code name}; its fields read as absent when it is missing or not a mapping. */
    Fields nested(JsonNode parent, String name) {
        JsonNode child = parent == null ? null : parent.get(name);
        if (child != null && !child.isObject()) {
            error(name, "must be a mapping");
            child = null;
        }
        return new Fields(problems, path(name), child);
    }

    /** Calls {@code read} for each item of the list under {@code name}, each with fields located at its index. */
    void each(JsonNode parent, String name, BiConsumer<JsonNode, Fields> read) {
        JsonNode list = parent == null ? null : parent.get(name);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            error(name, "must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Fields item = new Fields(problems, path(name) + "[" + i + "]", list.get(i));
            if (list.get(i).isObject()) {
                read.accept(list.get(i), item);
            } else {
                item.error("", "must be a mapping");
            }
        }
    }

    void onlyKnown(Set<String> known) {
        onlyKnown(node, known);
    }

    void onlyKnown(JsonNode mapping, Set<String> known) {
        if (mapping == null) {
            return;
        }
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(name, "unknown field; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    String text(JsonNode mapping, String name, boolean required) {
        JsonNode value = mapping == null ? null : mapping.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            error(name, "must be text");
            return null;
        }
        return value.asText();
    }

    double number(String name, double fallback, double min, double max) {
        return number(node, name, fallback, min, max);
    }

    /** A number in [min, max]; {@code fallback} when absent, or when bad (after reporting). NaN fallback: required. */
    double number(JsonNode mapping, String name, double fallback, double min, double max) {
        JsonNode value = mapping == null ? null : mapping.get(name);
        if (value == null || value.isNull()) {
            if (Double.isNaN(fallback)) {
                error(name, "is required");
            }
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            error(name, "must be a number from " + format(min) + " to " + format(max));
            return fallback;
        }
        return value.asDouble();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    long duration(String name, long fallback, boolean allowZero) {
        return durationOr(node, name, fallback, allowZero);
    }

    /** A positive duration of {@code mapping}, or {@code fallback} when absent or bad (after reporting). */
    long durationOr(JsonNode mapping, String name, long fallback) {
        return durationOr(mapping, name, fallback, false);
    }

    private long durationOr(JsonNode node, String name, long fallback, boolean allowZero) {
        if (node == null || !node.hasNonNull(name)) {
            return fallback;
        }
        long millis = durationOf(node, name, true);
        if (millis == 0 && !allowZero) {
            error(name, "must be greater than zero");
            return fallback;
        }
        return millis < 0 ? fallback : millis;
    }

    /** Milliseconds; -1 when absent or bad (after reporting). */
    long durationOf(JsonNode mapping, String name, boolean required) {
        String text = text(mapping, name, required);
        if (text == null) {
            return -1;
        }
        try {
            long millis = Durations.parse(text);
            if (millis < 0) {
                error(name, "must not be negative");
            }
            return millis;
        } catch (IllegalArgumentException e) {
            error(name, e.getMessage());
            return -1;
        }
    }

    Set<String> texts(JsonNode mapping, String name) {
        Set<String> values = new LinkedHashSet<>();
        JsonNode list = mapping == null ? null : mapping.get(name);
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            error(name, "must be a list");
            return values;
        }
        list.forEach(item -> values.add(item.asText()));
        return values;
    }

    Set<String> choices(JsonNode mapping, String name, List<String> allowed, Set<String> fallback) {
        if (mapping == null || !mapping.hasNonNull(name)) {
            return fallback;
        }
        Set<String> values = texts(mapping, name);
        for (String value : values) {
            if (!allowed.contains(value)) {
                error(name, "'" + value + "' is not one of " + String.join(", ", allowed));
            }
        }
        return values;
    }
}
