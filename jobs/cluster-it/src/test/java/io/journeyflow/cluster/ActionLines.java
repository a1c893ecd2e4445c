package io.journeyflow.cluster;

import io.journeyflow.local.simulate.OutputLine;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Questions about actions in their canonical JSON form (one line per action, as journeyctl prints them). */
final class ActionLines {

    private ActionLines() {
    }

    /** The actions decided strictly before {@code instant} (event time). */
    static List<String> decidedBefore(List<String> actions, Instant instant) {
        return actions.stream()
                .filter(line -> Instant.parse(OutputLine.parse(line).field("decided_at")).isBefore(instant))
                .toList();
    }

    /** The journey instances the actions belong to. */
    static Set<String> instanceIds(List<String> actions) {
        return actions.stream().map(line -> OutputLine.parse(line).field("instance_id")).collect(Collectors.toSet());
    }
}
