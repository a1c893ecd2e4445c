package io.journeyflow.state.funnel;

import java.io.Serializable;

/** Where a customer stands: a journey, the version the customer is pinned to, and the step. */
public record StepKey(String journeyId, int version, String stepId) implements Serializable {
}
