package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;

/**
 * Starts an instance when a journey's entry event arrives and its re-entry rule and entry condition admit the customer.
 */
final class Entries {

    private final Emitter emit;
    private final EvalContext context;
    private final Ids ids;
    private final InstanceRunner runner;

    Entries(Emitter emit, EvalContext context, Ids ids, InstanceRunner runner) {
        this.emit = emit;
        this.context = context;
        this.ids = ids;
        this.runner = runner;
    }

    /** @return the state after the entry, created if the customer had none; {@code state} when not admitted */
    CustomerState enter(CustomerState state, CompiledJourney journey, CustomerEvent event) {
        String journeyId = journey.id();
        long time = event.getTs();
        if (state != null && (state.getInstances().containsKey(journeyId)
                || !Reentry.admits(journey, state.getHistory().get(journeyId), time))) {
            return state;
        }
        if (journey.entryCondition() != null && !context.test(journey.entryCondition(), journeyId, null)) {
            return state;
        }
        CustomerState entered = state == null ? StateCollections.emptyState() : state;
        runner.use(entered);
        String customerId = event.getCustomerId();
        boolean heldOut = ids.bucket("holdout", customerId, journeyId) < journey.holdoutBasisPoints();
        JourneyInstance instance = new JourneyInstance(journey.version(),
                ids.instanceId(customerId, journeyId, event.getEventId()), journey.step(0).id(), time, time, null, null,
                heldOut, 0, null, false);
        StateCollections.instances(entered).put(journeyId, instance);
        String cause = "entered on " + event.getType() + " " + event.getEventId();
        emit.journeyEvent(journeyId, instance, JourneyEventKind.entered, null, cause, time);
        if (heldOut) {
            emit.journeyEvent(journeyId, instance, JourneyEventKind.held_out, null, InstanceRunner.HOLDOUT, time);
        }
        if (!runner.run(journey, instance, 0, time, cause)) {
            Instances.close(entered, journeyId, journey, time);
        }
        return entered;
    }
}
