package io.journeyflow.core.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves step targets to indices and runs the whole-graph checks; reports rather than throws. */
final class StepResolver {

    private StepResolver() {
    }

    /** Resolves every step; the result is only usable when the scope holds no errors. */
    static CompiledStep[] resolve(JourneyDraft journey, Scope scope) {
        List<StepDraft> drafts = journey.steps;
        // Graph checks on a journey with broken steps would only report echoes of the first problems.
        boolean checkGraph = scope.errors().isEmpty();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            StepDraft draft = drafts.get(i);
            if (index.putIfAbsent(draft.id, i) != null) {
                draft.scope.error("id", "duplicate step id '" + draft.id + "'");
            }
        }
        journey.migrate.forEach((from, to) -> {
            if (!index.containsKey(to)) {
                scope.error("migrate." + from, "'" + to + "' names no step of this version");
            }
        });
        CompiledStep[] steps = new CompiledStep[drafts.size()];
        List<Scope> scopes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            StepDraft d = drafts.get(i);
            int following = i + 1 < drafts.size() ? i + 1 : CompiledStep.END;
            int next = d.next == null ? following : target(d.next, index, d.scope);
            int onTimeout = d.onTimeout == null ? following : target(d.onTimeout, index, d.scope);
            List<BranchArm> branches = new ArrayList<>();
            for (int a = 0; a < d.branchConditions.size(); a++) {
                branches.add(new BranchArm(d.branchConditions.get(a), target(d.branchTargets.get(a), index, d.scope)));
            }
            List<SplitArm> splits = new ArrayList<>();
            int limit = 0;
            for (int a = 0; a < d.splitVariants.size(); a++) {
                String variant = d.splitVariants.get(a);
                limit += d.splitWeights.get(a) * 100;
                splits.add(new SplitArm(variant, limit,
                        target(new StepDraft.Target(variant, "split." + variant), index, d.scope)));
            }
            steps[i] = new CompiledStep(d, next, onTimeout, branches, splits);
            scopes.add(d.scope);
        }
        if (checkGraph && scope.errors().isEmpty()) {
            StepGraph.check(steps, scopes);
        }
        return steps;
    }

    private static int target(StepDraft.Target target, Map<String, Integer> index, Scope scope) {
        if (target.name().equals("end")) {
            return CompiledStep.END;
        }
        Integer found = index.get(target.name());
        if (found == null) {
            scope.error(target.field(), "'" + target.name() + "' names no step in this journey (nor 'end')");
            return CompiledStep.END;
        }
        return found;
    }
}
