package io.journeyflow.core.definition;

import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;

/**
 * The values {@link DirectEvaluator} computes with: CEL's {@code int} (Long), {@code double}, {@code string},
 * {@code bool} and {@code null}, compared and converted exactly as CEL does, or {@link DirectEvaluator#UNKNOWN}
 * wherever CEL's rules are subtler than this class (mixed numeric types, string ordering, NaN and signed zeros,
 * conversions from text) or the checker's overloads exclude the runtime types.
 */
final class DirectValues {

    private static final Object UNKNOWN = DirectEvaluator.UNKNOWN;

    private DirectValues() {
    }

    /** {@code container.key} or {@code container[key]} on a map; a missing key is an error in CEL. */
    static Object lookup(Object container, Object key) {
        if (container instanceof Map<?, ?> map && key instanceof String && map.containsKey(key)) {
            Object value = map.get(key);
            return value == null ? UNKNOWN : value;
        }
        return UNKNOWN;
    }

    static Object compare(String function, Object left, Object right, List<String> overloads) {
        boolean equality = function.equals("_==_") || function.equals("_!=_");
        if (equality) {
            Object equal = equal(left, right);
            return equal == UNKNOWN || !overloads.contains(function.equals("_==_") ? "equals" : "not_equals")
                    ? UNKNOWN : (Object) (equal == Boolean.TRUE == function.equals("_==_"));
        }
        String operation = switch (function) {
            case "_<_" -> "less";
            case "_<=_" -> "less_equals";
            case "_>_" -> "greater";
            case "_>=_" -> "greater_equals";
            default -> null;
        };
        if (operation == null) {
            return UNKNOWN;
        }
        if (left instanceof Long a && right instanceof Long b && overloads.contains(operation + "_int64")) {
            return ordered(operation, Long.compare(a, b));
        }
        if (left instanceof Double a && right instanceof Double b && plain(a, b)
                && overloads.contains(operation + "_double")) {
            return ordered(operation, Double.compare(a, b));
        }
        return UNKNOWN;
    }

    /** Equality of two scalars of one kind, or of null with a scalar; mixed numbers are CEL's to compare. */
    private static Object equal(Object left, Object right) {
        if (left instanceof NullValue || right instanceof NullValue) {
            return scalar(left) && scalar(right) ? (Object) (left instanceof NullValue && right instanceof NullValue)
                    : UNKNOWN;
        }
        if (left instanceof Double a && right instanceof Double b) {
            return plain(a, b) ? (Object) (a.doubleValue() == b.doubleValue()) : UNKNOWN;
        }
        boolean sameKind = left instanceof String && right instanceof String
                || left instanceof Boolean && right instanceof Boolean || left instanceof Long && right instanceof Long;
        return sameKind ? (Object) left.equals(right) : UNKNOWN;
    }

    private static boolean scalar(Object value) {
        return value instanceof NullValue || value instanceof String || value instanceof Boolean
                || value instanceof Long || value instanceof Double;
    }

    /** NaN and -0.0 compare differently under IEEE and {@link Double#compare}: CEL decides those. */
    private static boolean plain(Double a, Double b) {
        return !a.isNaN() && !b.isNaN() && (a.doubleValue() != b.doubleValue() || a.equals(b));
    }

    private static Object ordered(String operation, int order) {
        return switch (operation) {
            case "less" -> order < 0;
            case "less_equals" -> order <= 0;
            case "greater" -> order > 0;
            default -> order >= 0;
        };
    }

    /** {@code string(x)} of a string or an int; other conversions are CEL's to make. */
    static Object string(Object value, List<String> overloads) {
        if (value instanceof String && overloads.contains("string_to_string")) {
            return value;
        }
        return value instanceof Long number && overloads.contains("int64_to_string") ? number.toString() : UNKNOWN;
    }

    /** {@code double(x)} of a double or an int; text is CEL's to parse. */
    static Object toDouble(Object value, List<String> overloads) {
        if (value instanceof Double && overloads.contains("double_to_double")) {
            return value;
        }
        return value instanceof Long number && overloads.contains("int64_to_double")
                ? (Object) number.doubleValue() : UNKNOWN;
    }
}
