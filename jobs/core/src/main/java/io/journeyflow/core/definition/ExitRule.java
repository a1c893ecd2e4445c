package io.journeyflow.core.definition;

/**
 * One {@code exit} entry: an instance in flight ends with {@code outcome} on an event of {@code eventType} (any type
 * when {@code null}) for which {@code condition} holds (always when {@code null}).
 */
public record ExitRule(String eventType, Condition condition, String outcome) {

    public boolean matchesType(String type) {
        return eventType == null || eventType.equals(type);
    }
}
