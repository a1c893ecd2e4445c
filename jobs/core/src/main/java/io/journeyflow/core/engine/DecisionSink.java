package io.journeyflow.core.engine;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyEvent;

/** Where the engine puts what it decided. The Flink function forwards these to outputs and metrics. */
public interface DecisionSink {

    void action(Action action);

    void journeyEvent(JourneyEvent event);

    /** An event whose {@code event_id} this customer already sent recently; it was ignored. */
    void duplicateEvent(CustomerEvent event);

    /** Every piece of state for a customer was removed on their request; confirm it downstream. */
    void erased(Erasure erasure);

    /** A condition failed at run time (missing key, wrong type); it counted as false. */
    void expressionFailed(String journeyId, String stepId, String message);
}
