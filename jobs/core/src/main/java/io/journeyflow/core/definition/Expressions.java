package io.journeyflow.core.definition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.StringJoiner;

/** The CEL environment every condition compiles in: built once, then reused for every document. */
final class Expressions {

    static final int MAX_LENGTH = 2_000;
    static final int MAX_COMPREHENSION_ITERATIONS = 1_000;
    static final int MAX_NESTING = 32;

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    Expressions() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                .maxParseRecursionDepth(MAX_NESTING)
                .maxExpressionCodePointSize(MAX_LENGTH)
                .build();
        // Both variables are maps of dyn: their keys are known, their value types vary by event and tenant.
        MapType stringToDyn = MapType.create(SimpleType.STRING, SimpleType.DYN);
        compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("event", stringToDyn)
                .addVar("profile", stringToDyn)
                .build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    /** Compiles a condition at {@code field}, or reports why not and returns {@code null}. */
    Condition compile(String source, Scope scope, String field) {
        if (source.length() > MAX_LENGTH) {
            scope.error(field, "expression is " + source.length() + " characters; the limit is " + MAX_LENGTH);
            return null;
        }
        if (source.isBlank()) {
            scope.error(field, "expression is empty");
            return null;
        }
        CelValidationResult checked = compiler.compile(source);
        if (checked.hasError()) {
            scope.error(field, "expression does not compile: " + describe(checked));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = checked.getAst();
            if (hasNestedLoop(ast)) {
                scope.error(field, "expression nests a loop (all, exists, exists_one, map, filter) inside another:"
                        + " nested loops multiply their cost, so only one level is allowed");
                return null;
            }
            if (!SimpleType.BOOL.equals(ast.getResultType())) {
                scope.error(field, "expression must return bool, but returns " + ast.getResultType().name());
                return null;
            }
            return new Condition(scope.path(field), source, runtime.createProgram(ast),
                    DirectEvaluator.of(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            scope.error(field, "expression does not compile: " + e.getMessage());
            return null;
        }
    }

    /** Each loop is bounded at run time; one inside another would multiply the bounds, and so the cost. */
    private static boolean hasNestedLoop(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION)
                .anyMatch(loop -> loop.descendants()
                        .anyMatch(node -> node.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION));
    }

    private static String describe(CelValidationResult result) {
        StringJoiner messages = new StringJoiner("; ");
        for (CelIssue issue : result.getErrors()) {
            messages.add(issue.getMessage());
        }
        return messages.toString();
    }
}
