package io.journeyflow.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the journey-level fields of a parsed document into a {@link JourneyDraft}, reporting every problem. */
final class JourneyReader {

    private static final Set<String> TOP = Set.of("id", "version", "status", "name", "priority", "category", "entry",
            "exit", "holdout", "on_update", "migrate", "steps");
    private static final Set<String> ENTRY = Set.of("event", "when", "reentry");
    private static final Set<String> REENTRY = Set.of("policy", "cooldown");
    private static final Set<String> EXIT = Set.of("event", "when", "outcome");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(?:\\.(\\d{1,2}))?%");

    private final Expressions expressions;
    private final StepReader stepReader;

    JourneyReader(Expressions expressions) {
        this.expressions = expressions;
        this.stepReader = new StepReader(expressions);
    }

    JourneyDraft read(JsonNode root, Scope scope) {
        JourneyDraft draft = new JourneyDraft();
        scope.onlyKnown(root, TOP);
        draft.id = scope.id(root, "id", true);
        Integer version = scope.integer(root, "version");
        if (version == null && !root.hasNonNull("version")) {
            scope.error("version", "is required");
        } else if (version != null && version < 1) {
            scope.error("version", "must be 1 or more");
        }
        draft.version = version == null ? 0 : version;
        draft.status = JourneyStatus.valueOf(
                scope.choice(root, "status", List.of("active", "paused", "retired"), "active"));
        scope.text(root, "name", false);
        Integer priority = scope.integer(root, "priority");
        draft.priority = priority == null ? 0 : priority;
        draft.category = scope.choice(root, "category", List.of("promotional", "service", "transactional"),
                "promotional");
        readEntry(root, scope, draft);
        readExits(root, scope, draft);
        readHoldout(root, scope, draft);
        String onUpdate = scope.choice(root, "on_update", List.of("keep", "eject", "migrate"), "keep");
        draft.onUpdate = UpdatePolicy.valueOf(onUpdate.toUpperCase(Locale.ROOT));
        readMigrate(root, scope, draft);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            scope.error("steps", "is required: a non-empty list of steps");
        } else {
            for (int i = 0; i < steps.size(); i++) {
                StepDraft step = stepReader.read(steps.get(i), i, scope);
                if (step != null) {
                    draft.steps.add(step);
                }
            }
        }
        return draft;
    }

    private void readEntry(JsonNode root, Scope journey, JourneyDraft draft) {
        JsonNode entry = journey.object(root, "entry", true);
        if (entry == null) {
            return;
        }
        Scope scope = journey.nested("entry");
        scope.onlyKnown(entry, ENTRY);
        draft.entryEventType = scope.text(entry, "event", true);
        String when = scope.text(entry, "when", false);
        draft.entryCondition = when == null ? null : expressions.compile(when, scope, "when");
        JsonNode reentry = scope.object(entry, "reentry", false);
        if (reentry == null) {
            return;
        }
        Scope re = scope.nested("reentry");
        re.onlyKnown(reentry, REENTRY);
        String policy = re.choice(reentry, "policy", List.of("never", "after_exit", "always"), "always");
        draft.reentryPolicy = ReentryPolicy.valueOf(policy.toUpperCase(Locale.ROOT));
        if (reentry.has("cooldown") && draft.reentryPolicy != ReentryPolicy.AFTER_EXIT) {
            re.error("cooldown", "only policy after_exit has a cooldown");
        } else if (reentry.has("cooldown")) {
            draft.cooldownMillis = Math.max(0, re.duration(reentry, "cooldown", true, true));
        }
    }

    private void readExits(JsonNode root, Scope journey, JourneyDraft draft) {
        JsonNode exits = root.get("exit");
        if (exits == null || exits.isNull()) {
            return;
        }
        if (!exits.isArray()) {
            journey.error("exit", "must be a list of {event?, when?, outcome?}");
            return;
        }
        for (int i = 0; i < exits.size(); i++) {
            Scope scope = journey.nested("exit[" + i + "]");
            JsonNode exit = exits.get(i);
            if (!exit.isObject()) {
                scope.error(null, "must be a mapping {event?, when?, outcome?}");
                continue;
            }
            scope.onlyKnown(exit, EXIT);
            String event = scope.text(exit, "event", false);
            String when = scope.text(exit, "when", false);
            if (event == null && when == null) {
                scope.error(null, "needs an event, a when, or both");
            }
            Condition condition = when == null ? null : expressions.compile(when, scope, "when");
            String outcome = exit.has("outcome") ? scope.id(exit, "outcome", true) : "exited";
            if ((event != null || condition != null) && outcome != null && (when == null || condition != null)) {
                draft.exits.add(new ExitRule(event, condition, outcome));
            }
        }
    }

    private static void readHoldout(JsonNode root, Scope scope, JourneyDraft draft) {
        String holdout = scope.text(root, "holdout", false);
        if (holdout == null) {
            return;
        }
        Matcher m = PERCENT.matcher(holdout.trim());
        int basisPoints = m.matches()
                ? Integer.parseInt(m.group(1)) * 100
                        + (m.group(2) == null ? 0 : Integer.parseInt((m.group(2) + "0").substring(0, 2)))
                : -1;
        if (basisPoints < 0 || basisPoints > 10_000) {
            scope.error("holdout", "'" + holdout + "' must be a percentage from 0% to 100%, e.g. 10% or 2.5%");
            return;
        }
        draft.holdoutBasisPoints = basisPoints;
    }

    private static void readMigrate(JsonNode root, Scope scope, JourneyDraft draft) {
        JsonNode migrate = scope.object(root, "migrate", false);
        if (draft.onUpdate == UpdatePolicy.MIGRATE && migrate == null && !root.has("migrate")) {
            scope.error("migrate", "on_update: migrate needs a migrate map of old step id to new step id");
        }
        if (migrate == null) {
            return;
        }
        if (draft.onUpdate != UpdatePolicy.MIGRATE) {
            scope.error("migrate", "a migrate map needs on_update: migrate");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = migrate.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                scope.error("migrate." + entry.getKey(), "must name a step of this version");
            } else {
                draft.migrate.put(entry.getKey(), entry.getValue().asText());
            }
        }
    }
}
