package io.journeyflow.core.definition;

/** What a new version does to customers in flight on older versions ({@code on_update}). */
public enum UpdatePolicy {
    KEEP,
    EJECT,
    MIGRATE
}
