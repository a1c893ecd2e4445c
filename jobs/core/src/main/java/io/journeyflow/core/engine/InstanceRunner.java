package io.journeyflow.core.engine;

import io.journeyflow.core.definition.ActionSpec;
import io.journeyflow.core.definition.BranchArm;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.SplitArm;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.Profile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/** Walks an instance through the steps that run in one instant, until it waits or ends. */
final class InstanceRunner {

    static final String HOLDOUT = "holdout";
    static final String SUPPRESSED_CONSENT = "suppressed:consent";

    private final Emitter emit;
    private final EvalContext context;
    private final Ids ids;
    private final int maxSteps;
    private Profile profile;

    InstanceRunner(Emitter emit, EvalContext context, Ids ids, int maxSteps) {
        this.emit = emit;
        this.context = context;
        this.ids = ids;
        this.maxSteps = maxSteps;
    }

    void use(Profile profile) {
        this.profile = profile;
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
            emit.journeyEvent(journeyId, instance, JourneyEventKind.step_reached, step.id(), cause, time);
            switch (step.kind()) {
                case WAIT, WAIT_FOR -> {
                    long deadline = time + step.durationMillis();
                    instance.setDeadline(deadline);
                    emit.journeyEvent(journeyId, instance, JourneyEventKind.waiting, step.id(),
                            "until " + Instant.ofEpochMilli(deadline), time);
                    return true;
                }
                case ACTION -> {
                    act(journey, instance, step, time, cause);
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

    private void act(CompiledJourney journey, JourneyInstance instance, CompiledStep step, long time, String cause) {
        ActionSpec spec = step.action();
        String journeyId = journey.id();
        if (instance.getHeldOut()) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.action_suppressed, step.id(), HOLDOUT, time);
            return;
        }
        String channel = spec.isBest() ? firstConsented(spec.bestOf()) : spec.channel();
        if (channel == null || Profiles.optedOut(profile, channel)) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.action_suppressed, step.id(), SUPPRESSED_CONSENT, time);
            return;
        }
        String reason = spec.isBest()
                ? cause + "; best: " + channel + ", the first of " + String.join(", ", spec.bestOf()) + " not opted out"
                : cause;
        String actionId = ids.actionId(emit.customerId(), journeyId, journey.version(), instance.getInstanceId(),
                step.id(), instance.getSeq());
        emit.action(new Action(actionId, emit.customerId(), journeyId, journey.version(), instance.getInstanceId(),
                step.id(), channel, spec.template(), journey.category(), new HashMap<>(spec.payload()), time,
                instance.getVariant(), reason));
        instance.setLastActionId(actionId);
        emit.journeyEvent(journeyId, instance, JourneyEventKind.action_emitted, step.id(), channel + " " + actionId, time);
    }

    private String firstConsented(List<String> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            if (!Profiles.optedOut(profile, candidates.get(i))) {
                return candidates.get(i);
            }
        }
        return null;
    }
}
