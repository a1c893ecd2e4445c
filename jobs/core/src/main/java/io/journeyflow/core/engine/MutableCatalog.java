package io.journeyflow.core.engine;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link JourneyCatalog} that the job updates as deployments arrive. Reads are plain map lookups; the index of
 * admitting journeys by entry event type is rebuilt on each (rare) change. Not thread-safe.
 */
public final class MutableCatalog implements JourneyCatalog {

    private record Deployed(JourneyStatus status, CompiledJourney current, Map<Integer, CompiledJourney> versions) {
    }

    private final Map<String, Deployed> journeys = new HashMap<>();
    private Map<String, List<CompiledJourney>> admittingByEventType = Map.of();

    /**
     * Puts (or replaces) one journey with every version still needed.
     *
     * @param status the lifecycle status in force now
     * @param currentVersion the version new entries get
     * @param versions every version customers may still be pinned to, the current one included
     * @throws IllegalArgumentException when {@code versions} lacks the current version or holds another journey
     */
    public void deploy(String journeyId, JourneyStatus status, int currentVersion,
            Map<Integer, CompiledJourney> versions) {
        CompiledJourney current = versions.get(currentVersion);
        if (current == null) {
            throw new IllegalArgumentException("versions of " + journeyId + " lack the current version "
                    + currentVersion);
        }
        versions.forEach((version, journey) -> {
            if (!journey.id().equals(journeyId) || journey.version() != version) {
                throw new IllegalArgumentException("version " + version + " of " + journeyId + " holds " + journey);
            }
        });
        journeys.put(journeyId, new Deployed(status, current, Map.copyOf(versions)));
        reindex();
    }

    /** Forgets a journey completely. */
    public void remove(String journeyId) {
        if (journeys.remove(journeyId) != null) {
            reindex();
        }
    }

    /** Ids of every journey deployed, in id order. */
    public List<String> journeyIds() {
        return journeys.keySet().stream().sorted().toList();
    }

    @Override
    public List<CompiledJourney> enteringOn(String eventType) {
        List<CompiledJourney> admitting = admittingByEventType.get(eventType);
        return admitting == null ? List.of() : admitting;
    }

    @Override
    public CompiledJourney pinned(String journeyId, int version) {
        Deployed deployed = journeys.get(journeyId);
        if (deployed == null) {
            return null;
        }
        // Nearly every customer is on the current version: skip the boxed lookup for them.
        return deployed.current.version() == version ? deployed.current : deployed.versions.get(version);
    }

    @Override
    public CompiledJourney current(String journeyId) {
        Deployed deployed = journeys.get(journeyId);
        return deployed == null ? null : deployed.current;
    }

    private void reindex() {
        Map<String, List<CompiledJourney>> index = new TreeMap<>();
        for (Deployed deployed : journeys.values()) {
            if (deployed.status == JourneyStatus.active) {
                index.computeIfAbsent(deployed.current.entryEventType(), type -> new ArrayList<>())
                        .add(deployed.current);
            }
        }
        Map<String, List<CompiledJourney>> frozen = new HashMap<>();
        index.forEach((type, list) -> {
            list.sort(Comparator.comparingInt(CompiledJourney::priority).reversed().thenComparing(CompiledJourney::id));
            frozen.put(type, List.copyOf(list));
        });
        admittingByEventType = frozen;
    }
}
