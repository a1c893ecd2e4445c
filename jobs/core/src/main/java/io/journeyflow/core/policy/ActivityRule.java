package io.journeyflow.core.policy;

/**
 * Counts events of one type per day, in total (key {@code type}) and, when {@code byProperty} is set, also per value
 * of that property (key {@code type:value}, e.g. {@code page_view:shoes}).
 */
public record ActivityRule(String eventType, String byProperty) {
}
