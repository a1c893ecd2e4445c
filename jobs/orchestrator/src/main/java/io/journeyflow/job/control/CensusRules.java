package io.journeyflow.job.control;

import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.state.CensusTally;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When a journey version can go: once no new customer can enter it (it is closed) and every orchestrator subtask has
 * answered one census request with no customer left on it. Pure: the registry applies these rules to each answer.
 *
 * <p>Closed versions only ever lose customers, so one "none left" per subtask is final for that census. Answers count
 * only for the journey's current census request, and only while their parallelism is the one the tally started
 * with: a subtask of another parallelism owns other customers.
 */
public final class CensusRules {

    /**
     * @param updated the journey without the versions that emptied, or {@code null} when none did
     * @param removed the versions removed, in order; all of them when the journey itself is gone
     * @param journeyGone a retired journey lost its last version: forget it
     * @param tally the tally to keep from now on ({@code null} when the journey is gone)
     */
    public record Outcome(JourneyRecord updated, List<Integer> removed, boolean journeyGone, CensusTally tally) {
    }

    private CensusRules() {
    }

    /** Versions no customer can enter any more: all of a retired journey's, the older ones of any other. */
    public static SortedSet<Integer> closedVersions(JourneyRecord journey) {
        SortedSet<Integer> closed = new TreeSet<>();
        for (String version : journey.getVersions().keySet()) {
            int number = Integer.parseInt(version);
            if (journey.getStatus() == JourneyStatus.retired || number != journey.getCurrentVersion()) {
                closed.add(number);
            }
        }
        return closed;
    }

    /**
     * Applies one answer.
     *
     * @param askedSince answers to census requests made before this time are ignored: they were counted by a run
     *     whose state may have been rolled back since
     * @return {@code null} when the answer does not count
     */
    public static Outcome apply(JourneyRecord journey, CensusTally tally, CensusReport answer, long askedSince) {
        if (journey == null || answer.getCensus() != journey.getCensus() || answer.getCensus() < askedSince
                || answer.getSubtask() < 0 || answer.getSubtask() >= answer.getParallelism()) {
            return null;
        }
        boolean sameTally = tally != null && tally.getCensus() == answer.getCensus()
                && tally.getParallelism() == answer.getParallelism();
        Map<String, List<Integer>> emptyIn = new HashMap<>(sameTally ? tally.getEmptyIn() : Map.of());
        Map<String, String> versions = new HashMap<>(journey.getVersions());
        List<Integer> removed = new ArrayList<>();
        for (int version : closedVersions(journey)) {
            String key = String.valueOf(version);
            SortedSet<Integer> subtasks = new TreeSet<>(emptyIn.getOrDefault(key, List.of()));
            Long left = answer.getInstances().get(key);
            if (left != null && left == 0) {
                subtasks.add(answer.getSubtask());
            } else {
                subtasks.remove(answer.getSubtask());
            }
            if (subtasks.size() == answer.getParallelism()) {
                removed.add(version);
                versions.remove(key);
                emptyIn.remove(key);
            } else {
                emptyIn.put(key, List.copyOf(subtasks));
            }
        }
        if (versions.isEmpty()) {
            return new Outcome(null, removed, true, null);
        }
        CensusTally kept = new CensusTally(answer.getCensus(), answer.getParallelism(), emptyIn);
        JourneyRecord updated = removed.isEmpty()
                ? null
                : JourneyRecord.newBuilder(journey).setVersions(versions).build();
        return new Outcome(updated, removed, false, kept);
    }

    /** The record that tells every orchestrator subtask to forget a journey: the journey without any version. */
    public static JourneyRecord removal(JourneyRecord journey) {
        return JourneyRecord.newBuilder(journey).setVersions(Map.of()).build();
    }
}
