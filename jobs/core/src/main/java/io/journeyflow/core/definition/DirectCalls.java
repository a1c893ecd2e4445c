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
        Node node = switch (args.length) {
            case 1 -> unary(function, args[0], overloads);
            case 2 -> binary(function, args[0], args[1], overloads);
            case 3 -> function.equals("_?_:_") && overloads.contains("conditional") ? conditional(args) : null;
            default -> null;
        };
        return node;
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
            case "_&&_" -> overloads.contains("logical_and") ? variables -> and(left, right, variables) : null;
            case "_||_" -> overloads.contains("logical_or") ? variables -> or(left, right, variables) : null;
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

    /** CEL's logical and: false wins over anything, even an error; true only when both are true. */
    private static Object and(Node left, Node right, CelVariableResolver variables) {
        Object first = left.eval(variables);
        if (Boolean.FALSE.equals(first)) {
            return false;
        }
        Object second = right.eval(variables);
        if (Boolean.FALSE.equals(second)) {
            return false;
        }
        return Boolean.TRUE.equals(first) && Boolean.TRUE.equals(second) ? Boolean.TRUE : UNKNOWN;
    }

    /** CEL's logical or: true wins over anything, even an error; false only when both are false. */
    private static Object or(Node left, Node right, CelVariableResolver variables) {
        Object first = left.eval(variables);
        if (Boolean.TRUE.equals(first)) {
            return true;
        }
        Object second = right.eval(variables);
        if (Boolean.TRUE.equals(second)) {
            return true;
        }
        return Boolean.FALSE.equals(first) && Boolean.FALSE.equals(second) ? Boolean.FALSE : UNKNOWN;
    }
}
