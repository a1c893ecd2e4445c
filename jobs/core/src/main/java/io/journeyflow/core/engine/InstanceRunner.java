package io.journeyflow.core.engine;

import io.journeyflow.core.definition.ActionSpec;
import io.journeyflow.core.definition.BranchArm;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.SplitArm;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.HashMap;
import java.util.List;

/** Walks an instance through the steps that run in one instant, until it waits or ends. */
final class InstanceRunner {

    static final String HOLDOUT = "holdout";

    private final Emitter emit;
    private final EvalContext context;
    private final Ids ids;
    private final int maxSteps;
    private final ContactPolicies policies;
    private CustomerState state;

    InstanceRunner(Emitter emit, EvalContext context, Ids ids, int maxSteps, ContactPolicies policies) {
        this.emit = emit;
        this.context = context;
        this.ids = ids;
        this.maxSteps = maxSteps;
        this.policies = policies;
    }

    /** The customer whose instances run next: policies read and write its ledger. */
    void use(CustomerState state) {
        this.state = state;
    }

    /**
     * A deferred action's time came: tries it again (it may send, be skipped, or wait once more), then runs on.
     *
     * @return as {@link #run}
     */
    boolean resumeDeferred(CompiledJourney journey, JourneyInstance instance, int index, long time) {
        CompiledStep step = journey.step(index);
        instance.setDeadline(null);
        if (act(journey, instance, step, time, "deferred at " + step.id())) {
            return true;
        }
        return run(journey, instance, step.next(), time, "sent or skipped at " + step.id());
    }

    /**
     * Runs from step {@code index} at {@code time}.
     *
     * @param cause why the instance moves, repeated in its journey events and actions
     * @return true when the instance now waits; false when it ended (its exit is already reported)
     */
    boolean run(CompiledJourney journey, JourneyInstance instance, int index, long time, String cause) {
        String journeyId = journey.id();
        for (int taken = 0; ; taken++) {
            if (index == CompiledStep.END) {
                emit.ended(journeyId, instance, "completed", time);
                return false;
            }
            if (taken == maxSteps) {
                emit.ended(journeyId, instance, "error:step_budget", time);
                return false;
            }
            CompiledStep step = journey.step(index);
            instance.setStepId(step.id());
            instance.setStepEnteredAt(time);
            instance.setSeq(instance.getSeq() + 1);
            instance.setDeadline(null);
            instance.setDeferred(false);
            emit.journeyEvent(journeyId, instance, JourneyEventKind.step_reached, step.id(), cause, time);
            switch (step.kind()) {
                case WAIT, WAIT_FOR -> {
                    long deadline = time + step.durationMillis();
                    instance.setDeadline(deadline);
                    emit.journeyEvent(journeyId, instance, JourneyEventKind.waiting, step.id(),
                            "until " + InstantText.of(deadline), time);
                    return true;
                }
                case ACTION -> {
                    if (act(journey, instance, step, time, cause)) {
                        return true;
                    }
                    index = step.next();
                }
                case BRANCH -> index = branch(journeyId, step);
                case SPLIT -> {
                    SplitArm arm = split(journeyId, step.splits());
                    instance.setVariant(arm.variant());
                    index = arm.target();
                }
                case GOTO -> index = step.next();
                case END -> {
                    emit.ended(journeyId, instance, step.outcome(), time);
                    return false;
                }
            }
        }
    }

    private int branch(String journeyId, CompiledStep step) {
        List<BranchArm> arms = step.branches();
        for (int i = 0; i < arms.size(); i++) {
            if (context.test(arms.get(i).condition(), journeyId, step.id())) {
                return arms.get(i).target();
            }
        }
        return step.next();
    }

    private SplitArm split(String journeyId, List<SplitArm> arms) {
        int bucket = ids.bucket("split", emit.customerId(), journeyId);
        for (int i = 0; i < arms.size() - 1; i++) {
            if (bucket < arms.get(i).bucketLimit()) {
                return arms.get(i);
            }
        }
        return arms.get(arms.size() - 1);
    }

    /** @return true when the action was deferred: the instance now waits at this step */
    private boolean act(CompiledJourney journey, JourneyInstance instance, CompiledStep step, long time, String cause) {
        ActionSpec spec = step.action();
        String journeyId = journey.id();
        if (instance.getHeldOut()) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.action_suppressed, step.id(), HOLDOUT, time);
            return false;
        }
        String actionHash = ids.actionId(emit.customerId(), journeyId, journey.version(), instance.getInstanceId(),
                step.id(), instance.getSeq());
        PolicyDecision decision = policies.decide(state, journey, instance, spec, actionHash, time);
        switch (decision.verdict()) {
            case DEFER -> {
                instance.setDeadline(decision.until());
                instance.setDeferred(true);
                emit.journeyEvent(journeyId, instance, JourneyEventKind.action_deferred, step.id(),
                        decision.reason() + " until " + InstantText.of(decision.until()), time);
                return true;
            }
            case SKIP -> emit.journeyEvent(journeyId, instance, JourneyEventKind.action_suppressed, step.id(),
                    decision.reason(), time);
            case SEND -> {
                String channel = decision.channel();
                String actionId = ActionIds.of(channel, actionHash);
                String reason = decision.reason().isEmpty() ? cause : cause + "; " + decision.reason();
                emit.action(new Action(actionId, emit.customerId(), journeyId, journey.version(),
                        instance.getInstanceId(), step.id(), channel, spec.template(), journey.category(),
                        new HashMap<>(spec.payload()), time, instance.getVariant(), reason));
                policies.record(state, time, channel, journey);
                instance.setLastActionId(actionId);
                emit.journeyEvent(journeyId, instance, JourneyEventKind.action_emitted, step.id(),
                        channel + " " + actionId, time);
            }
        }
        instance.setDeferred(false);
        return false;
    }
}
