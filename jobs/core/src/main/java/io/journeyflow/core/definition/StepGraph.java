package io.journeyflow.core.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Whole-graph checks on resolved steps: every step reachable, and no loop that takes no time. */
final class StepGraph {

    private StepGraph() {
    }

    static void check(CompiledStep[] steps, List<Scope> scopes) {
        boolean[] reached = new boolean[steps.length];
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(0);
        reached[0] = true;
        while (!todo.isEmpty()) {
            for (int target : steps[todo.pop()].successors()) {
                if (!reached[target]) {
                    reached[target] = true;
                    todo.push(target);
                }
            }
        }
        for (int i = 0; i < steps.length; i++) {
            if (!reached[i]) {
                scopes.get(i).error(null, "step is unreachable from the first step");
            }
        }
        reportInstantLoops(steps, scopes);
    }

    /**
     * A cycle through steps that do not wait would run forever in one instant; waiting steps end an instant, so only
     * edges leaving non-waiting steps count.
     */
    private static void reportInstantLoops(CompiledStep[] steps, List<Scope> scopes) {
        int[] colour = new int[steps.length]; // 0 unvisited, 1 on the current path, 2 done
        for (int start = 0; start < steps.length; start++) {
            if (colour[start] == 0 && !steps[start].kind().waits()) {
                List<Integer> path = new ArrayList<>();
                visit(start, steps, colour, path, scopes);
            }
        }
    }

    private static void visit(int node, CompiledStep[] steps, int[] colour, List<Integer> path, List<Scope> scopes) {
        colour[node] = 1;
        path.add(node);
        for (int target : steps[node].successors()) {
            if (steps[target].kind().waits()) {
                continue;
            }
            if (colour[target] == 1) {
                List<String> loop = new ArrayList<>();
                for (int i = path.indexOf(target); i < path.size(); i++) {
                    loop.add(steps[path.get(i)].id());
                }
                loop.add(steps[target].id());
                scopes.get(target).error(null, "loop without a wait or wait_for step: " + String.join(" -> ", loop));
            } else if (colour[target] == 0) {
                visit(target, steps, colour, path, scopes);
            }
        }
        path.remove(path.size() - 1);
        colour[node] = 2;
    }
}
