package io.journeyflow.core.definition;

/** Whether a customer may enter a journey again. */
public enum ReentryPolicy {
    /** Once in a lifetime. */
    NEVER,
    /** Again once the previous instance ended and its cooldown passed. */
    AFTER_EXIT,
    /** Again whenever no instance is in flight. */
    ALWAYS
}
