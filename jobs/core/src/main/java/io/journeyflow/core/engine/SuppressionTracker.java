package io.journeyflow.core.engine;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.policy.SuppressionRule;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.Suppression;
import java.util.Map;

/** Starts, ends and expires the customer's suppressions as the policy's start and end events arrive. */
final class SuppressionTracker {

    private final ContactPolicy policy;

    SuppressionTracker(ContactPolicy policy) {
        this.policy = policy;
    }

    /** Whether events of this type start or end any suppression. */
    boolean tracks(String eventType) {
        for (SuppressionRule rule : policy.suppressions()) {
            if (rule.startOn().equals(eventType) || eventType.equals(rule.endOn())) {
                return true;
            }
        }
        return false;
    }

    void apply(CustomerState state, CustomerEvent event) {
        Map<String, Suppression> active = state.getSuppressions();
        long time = event.getTs();
        for (SuppressionRule rule : policy.suppressions()) {
            Suppression current = active.get(rule.id());
            if (current != null && current.getUntil() <= time) {
                active.remove(rule.id());
                current = null;
            }
            if (rule.startOn().equals(event.getType())) {
                long until = time + rule.maxMillis();
                if (current == null) {
                    // Only a start makes the map the customer's own: an end with nothing open keeps it shared.
                    active = StateCollections.suppressions(state);
                    active.put(rule.id(), new Suppression(rule.endOn() == null ? 0 : 1, until));
                } else {
                    current.setOpen(rule.endOn() == null ? 0 : current.getOpen() + 1);
                    current.setUntil(Math.max(current.getUntil(), until));
                }
            } else if (event.getType().equals(rule.endOn()) && current != null && current.getOpen() <= 1) {
                active.remove(rule.id());
            } else if (event.getType().equals(rule.endOn()) && current != null) {
                current.setOpen(current.getOpen() - 1);
            }
        }
    }

    /** Forgets suppressions that lapsed at or before {@code now}. */
    static void prune(CustomerState state, long now) {
        state.getSuppressions().values().removeIf(suppression -> suppression.getUntil() <= now);
    }
}
