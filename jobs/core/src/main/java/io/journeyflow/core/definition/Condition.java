package io.journeyflow.core.definition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;

/** A compiled CEL condition. Immutable and shareable: the program holds no per-evaluation state. */
public final class Condition {

    private final String field;
    private final String source;
    private final Program program;
    /** The same condition in plain Java where it fits the supported subset, else {@code null}. */
    private final DirectEvaluator direct;

    Condition(String field, String source, Program program, DirectEvaluator direct) {
        this.field = field;
        this.source = source;
        this.program = program;
        this.direct = direct;
    }

    /** Where the condition sits in its journey, e.g. {@code entry.when} or {@code branch[1].when}. */
    public String field() {
        return field;
    }

    public String source() {
        return source;
    }

    /** Whether this condition is evaluated in plain Java (falling back to CEL only for what it cannot decide). */
    public boolean isDirect() {
        return direct != null;
    }

    /**
     * Evaluates against {@code event} and {@code profile} as the resolver provides them.
     *
     * @throws ConditionFailure when evaluation fails (a missing key, a type mismatch) or yields no boolean
     */
    public boolean test(CelVariableResolver variables) throws ConditionFailure {
        if (direct != null) {
            Object known = direct.test(variables);
            if (known != DirectEvaluator.UNKNOWN) {
                return (Boolean) known;
            }
        }
        Object result;
        try {
            result = program.eval(variables);
        } catch (CelEvaluationException | IllegalArgumentException e) {
            // IllegalArgumentException: a lookup the profile view refuses, such as an activity window of "5h"; CEL
            // wraps it in a message naming only the function, so the cause's words are added.
            Throwable cause = e.getCause();
            throw new ConditionFailure(field + ": " + e.getMessage()
                    + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
        }
        if (result instanceof Boolean b) {
            return b;
        }
        // The checker guarantees bool, but an unresolved variable yields an unknown set instead of an error.
        throw new ConditionFailure(field + ": evaluated to no boolean (" + result + ")");
    }

    /** The plain-Java part, or {@code null}: for tests that compare it with CEL. */
    DirectEvaluator direct() {
        return direct;
    }

    /** The same condition evaluated by CEL alone: the reference the plain-Java part is tested against. */
    Condition celOnly() {
        return new Condition(field, source, program, null);
    }

    @Override
    public String toString() {
        return source;
    }
}
