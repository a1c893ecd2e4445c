package io.journeyflow.core.engine;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.JourneyInstance;

/** Turns decisions about one customer into output records. Reused across calls; not thread-safe. */
final class Emitter {

    private static final String CONVERTED = "converted";

    private String customerId;
    private DecisionSink out;

    void use(String customerId, DecisionSink out) {
        this.customerId = customerId;
        this.out = out;
    }

    String customerId() {
        return customerId;
    }

    void journeyEvent(String journeyId, JourneyInstance instance, JourneyEventKind kind, String stepId, String reason,
            long time) {
        out.journeyEvent(new JourneyEvent(journeyId, instance.getVersion(), customerId, instance.getInstanceId(), kind,
                stepId, reason, time));
    }

    /** The instance ended with {@code outcome}: {@code converted} is a conversion, anything else an exit. */
    void ended(String journeyId, JourneyInstance instance, String outcome, long time) {
        JourneyEventKind kind = CONVERTED.equals(outcome) ? JourneyEventKind.converted : JourneyEventKind.exited;
        journeyEvent(journeyId, instance, kind, instance.getStepId(), outcome, time);
    }

    void action(Action action) {
        out.action(action);
    }
}
