package io.journeyflow.bench.compare;

import io.journeyflow.core.engine.DerivedIds;
import io.journeyflow.schema.Action;
import java.util.HashMap;

/**
 * The two actions of the journey, built as Journeyflow builds them (same ids, step ids, reasons and decision times),
 * so that the comparison jobs' output can be compared with Journeyflow's record for record. Everything follows from
 * the entry: the reminder is decided one hour after it, the escalation two days after the reminder. Not thread-safe.
 */
public final class CartActions {

    // Journeyflow counts the steps an instance reaches: wait-1h is the first, reminder the second, await-click the
    // third, escalate the fourth. The count is part of the action id.
    private static final int REMINDER_SEQ = 2;
    private static final int ESCALATE_SEQ = 4;

    private final DerivedIds ids = new DerivedIds();

    public Action reminder(String customerId, String entryEventId, long enteredAt) {
        return action(customerId, entryEventId, "reminder", REMINDER_SEQ, "email", "cart-reminder-1",
                enteredAt + CartJourney.WAIT_MS, "waited at wait-1h");
    }

    public Action escalation(String customerId, String entryEventId, long enteredAt) {
        return action(customerId, entryEventId, "escalate", ESCALATE_SEQ, "sms", "cart-reminder-2",
                enteredAt + CartJourney.WAIT_MS + CartJourney.CLICK_WINDOW_MS, "timed out at await-click");
    }

    private Action action(String customerId, String entryEventId, String stepId, int seq, String channel,
            String template, long decidedAt, String reason) {
        String instanceId = ids.instanceId(customerId, CartJourney.ID, entryEventId);
        String actionId =
                ids.actionId(channel, customerId, CartJourney.ID, CartJourney.VERSION, instanceId, stepId, seq);
        return new Action(actionId, customerId, CartJourney.ID, CartJourney.VERSION, instanceId, stepId, channel,
                template, "promotional", new HashMap<>(), decidedAt, null, reason);
    }
}
