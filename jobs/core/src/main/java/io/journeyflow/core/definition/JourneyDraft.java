package io.journeyflow.core.definition;

import io.journeyflow.schema.state.JourneyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The journey-level fields as read from a document, before the steps are resolved. */
final class JourneyDraft {

    String id;
    int version;
    JourneyStatus status = JourneyStatus.active;
    int priority;
    String category = "promotional";
    String entryEventType;
    Condition entryCondition;
    ReentryPolicy reentryPolicy = ReentryPolicy.ALWAYS;
    long cooldownMillis;
    final List<ExitRule> exits = new ArrayList<>();
    int holdoutBasisPoints;
    UpdatePolicy onUpdate = UpdatePolicy.KEEP;
    final Map<String, String> migrate = new LinkedHashMap<>();
    final List<StepDraft> steps = new ArrayList<>();
}
