package io.journeyflow.core.definition;

import dev.cel.runtime.CelVariableResolver;
import io.journeyflow.core.definition.DirectEvaluator.Node;
import java.util.List;

/** The CEL functions {@link DirectEvaluator} implements, each only under an overload the type checker allowed. */
final class DirectCalls {

    private static final Object UNKNOWN = DirectEvaluator.UNKNOWN;

    private DirectCalls() {
    }

    /** @return the call's node, or {@code null} when the function or its arity is outside the subset */
    static Node of(String function, Node[] args, List<String> overloads) {
        return switch (args.length) {
            case 1 -> unary(function, args[0], overloads);
            case 2 -> binary(function, args[0], args[1], overloads);
            case 3 -> function.equals("_?_:_") && overloads.contains("conditional") ? conditional(args) : null;
            default -> null;
        };
    }

    private static Node unary(String function, Node arg, List<String> overloads) {
        return switch (function) {
            case "!_" -> overloads.contains("logical_not")
                    ? variables -> arg.eval(variables) instanceof Boolean b ? !b : UNKNOWN : null;
            case "string" -> variables -> DirectValues.string(arg.eval(variables), overloads);
            case "double" -> variables -> DirectValues.toDouble(arg.eval(variables), overloads);
            default -> null;
        };
    }

    private static Node binary(String function, Node left, Node right, List<String> overloads) {
        return switch (function) {
            case "_&&_" -> overloads.contains("logical_and")
                    ? variables -> logical(left, right, variables, Boolean.FALSE) : null;
            case "_||_" -> overloads.contains("logical_or")
                    ? variables -> logical(left, right, variables, Boolean.TRUE) : null;
            case "_[_]" -> overloads.contains("index_map")
                    ? variables -> DirectValues.lookup(left.eval(variables), right.eval(variables)) : null;
            case "_+_" -> overloads.contains("add_string") ? variables -> left.eval(variables) instanceof String a
                    && right.eval(variables) instanceof String b ? a.concat(b) : UNKNOWN : null;
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" ->
                    variables -> DirectValues.compare(function, left.eval(variables), right.eval(variables), overloads);
            default -> null;
        };
    }

    private static Node conditional(Node[] args) {
        return variables -> args[0].eval(variables) instanceof Boolean b ? args[b ? 1 : 2].eval(variables) : UNKNOWN;
    }

    /**
     * CEL's logical and ({@code dominant} false) and or ({@code dominant} true): the dominant value wins over anything,
     * even an error on the other side; the other value only when both sides have it.
     */
    private static Object logical(Node left, Node right, CelVariableResolver variables, Boolean dominant) {
        Object first = left.eval(variables);
        if (dominant.equals(first)) {
            return dominant;
        }
        Object second = right.eval(variables);
        if (dominant.equals(second)) {
            return dominant;
        }
        Boolean other = !dominant;
        return other.equals(first) && other.equals(second) ? other : UNKNOWN;
    }
}
