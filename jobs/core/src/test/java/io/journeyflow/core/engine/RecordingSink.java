package io.journeyflow.core.engine;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.util.ArrayList;
import java.util.List;

/** Collects everything the engine decides, in order. */
final class RecordingSink implements DecisionSink {

    final List<Action> actions = new ArrayList<>();
    final List<JourneyEvent> journeyEvents = new ArrayList<>();
    final List<CustomerEvent> duplicates = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<Erasure> erasures = new ArrayList<>();

    @Override
    public void action(Action action) {
        actions.add(action);
    }

    @Override
    public void journeyEvent(JourneyEvent event) {
        journeyEvents.add(event);
    }

    @Override
    public void duplicateEvent(CustomerEvent event) {
        duplicates.add(event);
    }

    @Override
    public void erased(Erasure erasure) {
        erasures.add(erasure);
    }

    @Override
    public void expressionFailed(String journeyId, String stepId, String message) {
        failures.add(journeyId + "/" + stepId + ": " + message);
    }

    /** Journey events as {@code journey:kind:step}, the step left out when there is none. */
    List<String> trail() {
        return journeyEvents.stream()
                .map(e -> e.getJourneyId() + ":" + e.getKind() + (e.getStepId() == null ? "" : ":" + e.getStepId()))
                .toList();
    }

    List<JourneyEvent> ofKind(JourneyEventKind kind) {
        return journeyEvents.stream().filter(e -> e.getKind() == kind).toList();
    }

    /** Actions as {@code journey:step:channel}. */
    List<String> actionSummary() {
        return actions.stream().map(a -> a.getJourneyId() + ":" + a.getStepId() + ":" + a.getChannel()).toList();
    }

    void clear() {
        actions.clear();
        journeyEvents.clear();
        duplicates.clear();
        failures.clear();
        erasures.clear();
    }
}
