package io.journeyflow.core.policy;

import java.util.Set;

/**
 * A suppression that an event of type {@code startOn} starts. With {@code endOn} it lasts until as many end events as
 * start events arrived (open tickets), but at most {@code maxMillis}; without, it lasts {@code maxMillis}. While it
 * is active, actions of the listed categories, or of the listed journeys, are suppressed.
 */
public record SuppressionRule(String id, String startOn, String endOn, long maxMillis, Set<String> categories,
        Set<String> journeys) {

    public SuppressionRule {
        categories = Set.copyOf(categories);
        journeys = Set.copyOf(journeys);
    }

    public boolean covers(String journeyId, String category) {
        return categories.contains(category) || journeys.contains(journeyId);
    }
}
