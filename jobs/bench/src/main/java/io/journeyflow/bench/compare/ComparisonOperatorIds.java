package io.journeyflow.bench.compare;

import io.journeyflow.job.OperatorIds;

/**
 * The uids of the comparison jobs' operators, stable like Journeyflow's. Not in {@link OperatorIds}: that class lists
 * the orchestrator job's operators, and the state tools take a savepoint holding any of them for Journeyflow's.
 */
final class ComparisonOperatorIds {

    static final OperatorIds.Id EVENTS_SOURCE = new OperatorIds.Id("bench-events-source", "Generated customer events");
    static final OperatorIds.Id HANDWRITTEN_CART =
            new OperatorIds.Id("handwritten-cart-abandonment", "Cart abandonment (hand-written)");
    static final OperatorIds.Id CEP_CART_REMINDER = new OperatorIds.Id("cep-cart-reminder", "Cart reminder (CEP)");
    static final OperatorIds.Id CEP_CART_ESCALATION =
            new OperatorIds.Id("cep-cart-escalation", "Cart escalation (CEP)");
    static final OperatorIds.Id ACTIONS_SINK = new OperatorIds.Id("bench-actions-sink", "Actions (comparison jobs)");

    private ComparisonOperatorIds() {
    }
}
