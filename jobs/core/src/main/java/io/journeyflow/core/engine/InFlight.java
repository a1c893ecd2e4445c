package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.ExitRule;
import io.journeyflow.core.definition.StepKind;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.List;
import java.util.Map;

/**
 * What the customer's instances in flight do with an event, in acting order: end on a matching exit rule, or move on
 * from the {@code wait_for} step that awaits it.
 */
final class InFlight {

    private final Emitter emit;
    private final EvalContext context;
    private final InstanceRunner runner;

    InFlight(Emitter emit, EvalContext context, InstanceRunner runner) {
        this.emit = emit;
        this.context = context;
        this.runner = runner;
    }

    void offer(JourneyCatalog catalog, CustomerState state, CustomerEvent event) {
        Map<String, JourneyInstance> instances = state.getInstances();
        if (instances.size() == 1) {
            Map.Entry<String, JourneyInstance> only = instances.entrySet().iterator().next();
            offer(catalog, state, only.getKey(), only.getValue(), event);
            return;
        }
        for (String journeyId : Instances.inActingOrder(catalog, state)) {
            offer(catalog, state, journeyId, instances.get(journeyId), event);
        }
    }

    private void offer(JourneyCatalog catalog, CustomerState state, String journeyId, JourneyInstance instance,
            CustomerEvent event) {
        long time = event.getTs();
        CompiledJourney journey = catalog.pinned(journeyId, instance.getVersion());
        if (journey == null || time < instance.getEnteredAt()) {
            return;
        }
        String type = event.getType();
        List<ExitRule> exits = journey.exits();
        for (int i = 0; i < exits.size(); i++) {
            ExitRule exit = exits.get(i);
            if (exit.matchesType(type)
                    && (exit.condition() == null || context.test(exit.condition(), journeyId, null))) {
                emit.ended(journeyId, instance, exit.outcome(), time);
                Instances.close(state, journeyId, journey, time);
                return;
            }
        }
        if (!journey.awaits(type) || time < instance.getStepEnteredAt()) {
            return;
        }
        int index = journey.indexOf(instance.getStepId());
        CompiledStep step = index == CompiledJourney.NO_STEP ? null : journey.step(index);
        if (step == null || step.kind() != StepKind.WAIT_FOR || !type.equals(step.eventType())
                || step.correlate() && !correlates(instance, event)
                || step.condition() != null && !context.test(step.condition(), journeyId, step.id())) {
            return;
        }
        String cause = type + " " + event.getEventId() + " at " + step.id();
        if (!runner.run(journey, instance, step.next(), time, cause)) {
            Instances.close(state, journeyId, journey, time);
        }
    }

    private static boolean correlates(JourneyInstance instance, CustomerEvent event) {
        Object actionId = event.getProperties().get("action_id");
        return actionId != null && instance.getLastActionId() != null
                && instance.getLastActionId().contentEquals(actionId.toString());
    }
}
