package io.journeyflow.core.definition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import java.util.List;
import java.util.Map;

/**
 * The common shapes of journey conditions (logic, comparisons, map lookups, {@code has}, string concatenation,
 * {@code string()} and {@code double()}) evaluated in plain Java, because CEL's interpreter costs more than the
 * decision it serves when a condition runs on every page view.
 *
 * <p>It never decides differently from CEL: wherever CEL's answer could be an error, or depends on rules this class
 * does not model (mixed numeric types, ordering of strings, NaN), a node yields {@link #UNKNOWN} and the caller asks
 * CEL. Calls honour the overloads CEL's type checker chose for them: CEL fails a call whose runtime types match none
 * of those, even where another overload would fit.
 */
final class DirectEvaluator {

    /** What CEL must answer; never leaks out of this class except as "ask CEL". */
    static final Object UNKNOWN = new Object();

    /** One node of the expression: a value, or {@link #UNKNOWN}. */
    interface Node {
        Object eval(CelVariableResolver variables);
    }

    private final Node root;

    private DirectEvaluator(Node root) {
        this.root = root;
    }

    /** @return an evaluator for the checked {@code ast}, or {@code null} when any part is outside the subset */
    static DirectEvaluator of(CelAbstractSyntaxTree ast) {
        Node root = node(ast, ast.getExpr());
        return root == null ? null : new DirectEvaluator(root);
    }

    /** @return {@link Boolean#TRUE}, {@link Boolean#FALSE}, or {@link #UNKNOWN}: ask CEL */
    Object test(CelVariableResolver variables) {
        try {
            Object result = root.eval(variables);
            return result instanceof Boolean ? result : UNKNOWN;
        } catch (RuntimeException e) {
            // A view that refuses a lookup (an activity window of "5h"): CEL reports it with its own message.
            return UNKNOWN;
        }
    }

    private static Node node(CelAbstractSyntaxTree ast, CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> constant(expr.constant());
            case IDENT -> ident(expr.ident().name());
            case SELECT -> select(ast, expr.select());
            case CALL -> call(ast, expr);
            default -> null;
        };
    }

    private static Node constant(CelConstant constant) {
        Object value = switch (constant.getKind()) {
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            case NULL_VALUE -> NullValue.NULL_VALUE;
            default -> null;
        };
        return value == null ? null : variables -> value;
    }

    private static Node ident(String name) {
        return variables -> variables.find(name).orElse(UNKNOWN);
    }

    private static Node select(CelAbstractSyntaxTree ast, CelExpr.CelSelect select) {
        Node operand = node(ast, select.operand());
        if (operand == null) {
            return null;
        }
        String field = select.field();
        if (select.testOnly()) {
            return variables -> operand.eval(variables) instanceof Map<?, ?> map ? map.containsKey(field) : UNKNOWN;
        }
        return variables -> DirectValues.lookup(operand.eval(variables), field);
    }

    private static Node call(CelAbstractSyntaxTree ast, CelExpr expr) {
        CelExpr.CelCall call = expr.call();
        List<String> overloads = ast.getReference(expr.id()).map(CelReference::overloadIds).orElse(null);
        if (call.target().isPresent() || overloads == null) {
            return null;
        }
        Node[] args = new Node[call.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = node(ast, call.args().get(i));
            if (args[i] == null) {
                return null;
            }
        }
        return DirectCalls.of(call.function(), args, overloads);
    }
}
