package io.journeyflow.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads fields of one part of a document (the journey, a step, a nested object) and records every problem found with
 * its journey, step and field path, so that one pass reports all errors.
 */
final class Scope {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final List<DefinitionError> errors;
    private final String journeyId;
    private final String stepId;
    private final String prefix;

    private Scope(List<DefinitionError> errors, String journeyId, String stepId, String prefix) {
        this.errors = errors;
        this.journeyId = journeyId;
        this.stepId = stepId;
        this.prefix = prefix;
    }

    static Scope root(String journeyId) {
        return new Scope(new ArrayList<>(), journeyId, null, "");
    }

    Scope step(String id) {
        return new Scope(errors, journeyId, id, "");
    }

    Scope nested(String field) {
        return new Scope(errors, journeyId, stepId, path(field));
    }

    List<DefinitionError> errors() {
        return errors;
    }

    String path(String field) {
        if (field == null) {
            return prefix.isEmpty() ? null : prefix;
        }
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    void error(String field, String message) {
        errors.add(new DefinitionError(journeyId, stepId, path(field), message));
    }

    /** Reports every field of {@code node} that is not in {@code known}: a typo must never be silently ignored. */
    void onlyKnown(JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(name, "unknown field '" + name + "'; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** A text field; reports and returns {@code null} when it is missing (and required) or not text. */
    String text(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (value.isBoolean()) {
            // YAML 1.1 reads yes/no/on/off as booleans: an id like "off" would silently become "false".
            error(name, "must be text, but YAML read a boolean; quote values such as yes, no, on, off");
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            error(name, "must be text");
            return null;
        }
        return value.asText();
    }

    /** An id-like text field (journey ids, step ids, targets, outcomes). */
    String id(JsonNode node, String name, boolean required) {
        String value = text(node, name, required);
        if (value != null && !ID.matcher(value).matches()) {
            error(name, "'" + value + "' must match " + ID.pattern());
            return null;
        }
        return value;
    }

    /** A text field that must be one of {@code allowed}; returns {@code fallback} when absent or bad. */
    String choice(JsonNode node, String name, List<String> allowed, String fallback) {
        String value = text(node, name, false);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            error(name, "'" + value + "' is not one of " + String.join(", ", allowed));
            return fallback;
        }
        return value;
    }

    /** An integer field; reports and returns {@code null} when present but not an integer. */
    Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(name, "must be an integer");
            return null;
        }
        return value.intValue();
    }

    /** A duration field; {@code allowZero} only for cooldowns. Returns -1 when missing or bad. */
    long duration(JsonNode node, String name, boolean required, boolean allowZero) {
        String text = text(node, name, required);
        if (text == null) {
            return -1;
        }
        try {
            long millis = Durations.parse(text);
            if (millis < 0 || millis == 0 && !allowZero) {
                error(name, "duration '" + text + "' must be " + (allowZero ? "zero or more" : "greater than zero"));
                return -1;
            }
            return millis;
        } catch (IllegalArgumentException e) {
            error(name, e.getMessage());
            return -1;
        }
    }

    /** An object field; reports and returns {@code null} when present but not an object. */
    JsonNode object(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            error(name, "must be a mapping");
            return null;
        }
        return value;
    }
}
