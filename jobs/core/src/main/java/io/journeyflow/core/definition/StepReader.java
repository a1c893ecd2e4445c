package io.journeyflow.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one step of a journey document into a {@link StepDraft}, reporting every problem. */
final class StepReader {

    private static final Set<String> COMMON = Set.of("id", "next", "on_timeout");
    private static final Set<String> WAIT_FOR_FIELDS = Set.of("event", "when", "within", "correlate");
    private static final Set<String> ACTION_FIELDS = Set.of("channel", "template", "payload", "if_capped", "send_at",
            "within");
    private static final long DEFAULT_BEST_HOUR_WITHIN = 86_400_000L;

    private final Expressions expressions;

    StepReader(Expressions expressions) {
        this.expressions = expressions;
    }

    /** Returns {@code null} when the step is too broken to take part in further checks. */
    StepDraft read(JsonNode node, int position, Scope journey) {
        Scope located = journey.nested("steps[" + position + "]");
        if (!node.isObject()) {
            located.error(null, "a step must be a mapping");
            return null;
        }
        String id = located.id(node, "id", true);
        if ("end".equals(id)) {
            located.error("id", "'end' is reserved for ending the instance");
            id = null;
        }
        Scope scope = id == null ? located : journey.step(id);
        Set<String> known = new HashSet<>(COMMON);
        List<StepKind> kinds = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            known.add(kind.field());
            if (node.has(kind.field())) {
                kinds.add(kind);
            }
        }
        scope.onlyKnown(node, known);
        if (kinds.size() != 1) {
            scope.error(null, kinds.isEmpty()
                    ? "a step needs exactly one kind: wait, wait_for, action, branch, split, goto or end"
                    : "a step has exactly one kind, this one has " + kinds.stream().map(StepKind::field).toList());
            return null;
        }
        StepDraft draft = new StepDraft(id, kinds.get(0), scope);
        readTargets(node, draft);
        switch (draft.kind) {
            case WAIT -> draft.durationMillis = scope.duration(node, "wait", true, false);
            case WAIT_FOR -> readWaitFor(node, draft);
            case ACTION -> readAction(node, draft);
            case BRANCH -> readBranch(node, draft);
            case SPLIT -> readSplit(node, draft);
            case GOTO -> draft.next = target(node, "goto", scope);
            case END -> draft.outcome = scope.id(node, "end", true);
        }
        return id == null ? null : draft;
    }

    private static void readTargets(JsonNode node, StepDraft draft) {
        StepKind kind = draft.kind;
        if (node.has("next") && (kind == StepKind.GOTO || kind == StepKind.END || kind == StepKind.SPLIT)) {
            draft.scope.error("next", "has no effect on a " + kind.field() + " step");
        } else {
            draft.next = target(node, "next", draft.scope);
        }
        if (node.has("on_timeout") && kind != StepKind.WAIT_FOR) {
            draft.scope.error("on_timeout", "only wait_for steps time out");
        } else {
            draft.onTimeout = target(node, "on_timeout", draft.scope);
        }
    }

    private static StepDraft.Target target(JsonNode node, String field, Scope scope) {
        String name = scope.text(node, field, false);
        return name == null ? null : new StepDraft.Target(name, scope.path(field));
    }

    private void readWaitFor(JsonNode node, StepDraft draft) {
        JsonNode spec = draft.scope.object(node, "wait_for", true);
        if (spec == null) {
            return;
        }
        Scope scope = draft.scope.nested("wait_for");
        scope.onlyKnown(spec, WAIT_FOR_FIELDS);
        draft.eventType = scope.text(spec, "event", true);
        draft.durationMillis = scope.duration(spec, "within", true, false);
        String when = scope.text(spec, "when", false);
        draft.condition = when == null ? null : expressions.compile(when, scope, "when");
        JsonNode correlate = spec.get("correlate");
        if (correlate != null && !correlate.isBoolean()) {
            scope.error("correlate", "must be true or false");
        }
        draft.correlate = correlate != null && correlate.asBoolean();
    }

    private static void readAction(JsonNode node, StepDraft draft) {
        JsonNode spec = draft.scope.object(node, "action", true);
        if (spec == null) {
            return;
        }
        Scope scope = draft.scope.nested("action");
        scope.onlyKnown(spec, ACTION_FIELDS);
        String channel = scope.text(spec, "channel", true);
        String template = scope.text(spec, "template", true);
        Map<String, String> payload = new LinkedHashMap<>();
        JsonNode payloadNode = scope.object(spec, "payload", false);
        if (payloadNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = payloadNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isContainerNode() || entry.getValue().isNull()) {
                    scope.error("payload." + entry.getKey(), "payload values must be text, numbers or booleans");
                } else {
                    payload.put(entry.getKey(), entry.getValue().asText());
                }
            }
        }
        List<String> bestOf = channel == null ? null : Channels.parse(channel, scope);
        boolean defer = scope.choice(spec, "if_capped", List.of("skip", "defer"), "skip").equals("defer");
        long within = bestHourWithin(spec, scope);
        if (bestOf != null && template != null) {
            draft.action = bestOf.isEmpty()
                    ? new ActionSpec(channel, List.of(), template, payload, defer, within)
                    : new ActionSpec(null, bestOf, template, payload, defer, within);
        }
    }

    /** {@code send_at: best_hour} with an optional {@code within} (default 1d, at most a week); 0 without. */
    private static long bestHourWithin(JsonNode spec, Scope scope) {
        String sendAt = scope.choice(spec, "send_at", List.of("now", "best_hour"), "now");
        if (!sendAt.equals("best_hour")) {
            if (spec.has("within")) {
                scope.error("within", "only applies with send_at: best_hour");
            }
            return 0;
        }
        long within = spec.has("within") ? scope.duration(spec, "within", true, false) : DEFAULT_BEST_HOUR_WITHIN;
        if (within > 7 * DEFAULT_BEST_HOUR_WITHIN) {
            scope.error("within", "best_hour looks at most a week (7d) ahead");
        }
        return Math.max(within, 0);
    }

    private void readBranch(JsonNode node, StepDraft draft) {
        JsonNode arms = node.get("branch");
        if (arms == null || !arms.isArray() || arms.isEmpty()) {
            draft.scope.error("branch", "must be a non-empty list of {when, goto} with an optional final {otherwise}");
            return;
        }
        for (int i = 0; i < arms.size(); i++) {
            JsonNode arm = arms.get(i);
            Scope scope = draft.scope.nested("branch[" + i + "]");
            if (arm.has("otherwise") && arm.isObject()) {
                scope.onlyKnown(arm, Set.of("otherwise"));
                if (i != arms.size() - 1) {
                    scope.error("otherwise", "must be the last arm");
                } else if (draft.next != null) {
                    scope.error("otherwise", "a branch takes either 'otherwise' or 'next', not both");
                }
                draft.next = target(arm, "otherwise", scope);
                continue;
            }
            if (!arm.isObject()) {
                scope.error(null, "an arm must be a mapping {when, goto}");
                continue;
            }
            scope.onlyKnown(arm, Set.of("when", "goto"));
            String when = scope.text(arm, "when", true);
            StepDraft.Target target = target(arm, "goto", scope);
            if (target == null) {
                scope.error("goto", "is required");
            }
            Condition condition = when == null ? null : expressions.compile(when, scope, "when");
            if (condition != null && target != null) {
                draft.branchConditions.add(condition);
                draft.branchTargets.add(target);
            }
        }
    }

    private static void readSplit(JsonNode node, StepDraft draft) {
        JsonNode spec = draft.scope.object(node, "split", true);
        if (spec == null) {
            return;
        }
        Scope scope = draft.scope.nested("split");
        int total = 0;
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String variant = names.next();
            Integer weight = scope.integer(spec, variant);
            if (weight != null && weight <= 0) {
                scope.error(variant, "weight must be a positive integer");
            } else if (weight != null) {
                total += weight;
                draft.splitVariants.add(variant);
                draft.splitWeights.add(weight);
            }
        }
        if (total != 100) {
            scope.error(null, "weights must sum to 100, they sum to " + total);
        }
    }
}
