package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.CompiledStep;
import io.journeyflow.core.definition.UpdatePolicy;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import java.util.Map;

/**
 * Applies {@code on_update: eject | migrate} of newer versions, lazily at the customer's next event or timer, and
 * ends instances pinned to a version the catalog no longer has.
 */
final class VersionUpdates {

    private final Emitter emit;
    private final InstanceRunner runner;

    VersionUpdates(Emitter emit, InstanceRunner runner) {
        this.emit = emit;
        this.runner = runner;
    }

    void apply(JourneyCatalog catalog, CustomerState state, long now) {
        if (!anyStale(catalog, state)) {
            return;
        }
        for (String journeyId : Instances.inActingOrder(catalog, state)) {
            JourneyInstance instance = state.getInstances().get(journeyId);
            CompiledJourney current = catalog.current(journeyId);
            if (updates(current, instance)) {
                if (current.onUpdate() == UpdatePolicy.EJECT) {
                    end(state, journeyId, current, instance, "ejected", now);
                } else {
                    migrate(state, journeyId, current, instance, now);
                }
            } else if (catalog.pinned(journeyId, instance.getVersion()) == null) {
                end(state, journeyId, current, instance, "error:unknown_version", now);
            }
        }
    }

    private static boolean anyStale(JourneyCatalog catalog, CustomerState state) {
        for (Map.Entry<String, JourneyInstance> entry : state.getInstances().entrySet()) {
            JourneyInstance instance = entry.getValue();
            CompiledJourney current = catalog.current(entry.getKey());
            // Nearly every instance is on the current version: one lookup settles it (this runs on every event).
            if (current != null && current.version() == instance.getVersion()) {
                continue;
            }
            if (updates(current, instance)
                    || catalog.pinned(entry.getKey(), instance.getVersion()) == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean updates(CompiledJourney current, JourneyInstance instance) {
        return current != null && current.version() > instance.getVersion() && current.onUpdate() != UpdatePolicy.KEEP;
    }

    private void end(CustomerState state, String journeyId, CompiledJourney current, JourneyInstance instance,
            String outcome, long now) {
        emit.ended(journeyId, instance, outcome, now);
        Instances.close(state, journeyId, current, now);
    }

    /** Maps the waiting step through {@code migrate} (unmapped ids keep their name); no such step ejects. */
    private void migrate(CustomerState state, String journeyId, CompiledJourney current, JourneyInstance instance,
            long now) {
        String from = instance.getStepId();
        String to = current.migrate().getOrDefault(from, from);
        int index = current.indexOf(to);
        if (index == CompiledJourney.NO_STEP) {
            end(state, journeyId, current, instance, "ejected", now);
            return;
        }
        String cause = "migrated from v" + instance.getVersion() + " step " + from;
        instance.setVersion(current.version());
        CompiledStep step = current.step(index);
        if (!step.kind().waits()) {
            if (!runner.run(current, instance, index, now, cause)) {
                Instances.close(state, journeyId, current, now);
            }
            return;
        }
        // The wait keeps the moment it began; only its length follows the new version.
        long deadline = instance.getStepEnteredAt() + step.durationMillis();
        instance.setStepId(to);
        instance.setDeadline(deadline);
        emit.journeyEvent(journeyId, instance, JourneyEventKind.step_reached, to, cause, now);
        emit.journeyEvent(journeyId, instance, JourneyEventKind.waiting, to, "until " + InstantText.of(deadline), now);
    }
}
