package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.StepKind;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.Map;

/** Fires deadlines in time order (ties: higher priority first, then journey id), each at its own time, cascading. */
final class Deadlines {

    private final Emitter emit;
    private final InstanceRunner runner;

    Deadlines(Emitter emit, InstanceRunner runner) {
        this.emit = emit;
        this.runner = runner;
    }

    /** Fires every deadline at or before {@code until}, including those that firing creates. */
    void fireUntil(JourneyCatalog catalog, CustomerState state, long until) {
        Map<String, JourneyInstance> instances = state.getInstances();
        while (true) {
            String dueId = null;
            long due = 0;
            for (Map.Entry<String, JourneyInstance> entry : instances.entrySet()) {
                Long deadline = entry.getValue().getDeadline();
                if (deadline != null && deadline <= until && (dueId == null || deadline < due
                        || deadline == due && Instances.before(catalog, entry.getKey(), entry.getValue(), dueId,
                                instances.get(dueId)))) {
                    dueId = entry.getKey();
                    due = deadline;
                }
            }
            if (dueId == null) {
                return;
            }
            fire(catalog, state, dueId, instances.get(dueId), due);
        }
    }

    private void fire(JourneyCatalog catalog, CustomerState state, String journeyId, JourneyInstance instance,
            long due) {
        instance.setDeadline(null);
        CompiledJourney journey = catalog.pinned(journeyId, instance.getVersion());
        int index = journey == null ? CompiledJourney.NO_STEP : journey.indexOf(instance.getStepId());
        if (index == CompiledJourney.NO_STEP) {
            // Only state written by something else can point nowhere; end it visibly rather than loop on it.
            emit.ended(journeyId, instance, "error:unknown_step", due);
            Instances.close(state, journeyId, journey, due);
            return;
        }
        CompiledStep step = journey.step(index);
        if (step.kind() == StepKind.ACTION) {
            if (!runner.resumeDeferred(journey, instance, index, due)) {
                Instances.close(state, journeyId, journey, due);
            }
            return;
        }
        int target = step.next();
        String cause = "waited at " + step.id();
        if (step.kind() == StepKind.WAIT_FOR) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.timed_out, step.id(),
                    "no " + step.eventType() + " in time", due);
            target = step.onTimeout();
            cause = "timed out at " + step.id();
        }
        if (!runner.run(journey, instance, target, due, cause)) {
            Instances.close(state, journeyId, journey, due);
        }
    }
}
