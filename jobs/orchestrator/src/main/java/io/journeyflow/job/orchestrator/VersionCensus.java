package io.journeyflow.job.orchestrator;

import io.journeyflow.job.control.CensusRules;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One orchestrator subtask's count of its customers on closed journey versions, for the registry's census. A census
 * request (a broadcast journey record with closed versions and a census id) is answered at once; the first request
 * of a version not yet counted costs one scan of the subtask's keyed state. From then on the counts follow the
 * customers as they leave, and the subtask answers again the moment a version empties. Nothing is counted while no
 * census is asked for, and the counts are not checkpointed: after a restore the next request counts afresh.
 */
final class VersionCensus {

    /** Visits every customer state of the subtask. */
    interface Scan {
        void forEach(Consumer<CustomerState> visitor) throws Exception;
    }

    private record Request(long census, Set<Integer> closed) {
    }

    private final int subtask;
    private final int parallelism;
    private final Map<String, Request> requests = new HashMap<>();
    private final Map<String, Map<Integer, long[]>> counts = new HashMap<>();
    private final List<String> departingJourneys = new ArrayList<>();
    private final List<Integer> departingVersions = new ArrayList<>();

    VersionCensus(int subtask, int parallelism) {
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /** A journey record was broadcast: remember what it asks, count if needed, answer if it asks. */
    void onRecord(JourneyRecord record, Scan scan, Consumer<CensusReport> out) throws Exception {
        String journeyId = record.getJourneyId();
        Set<Integer> closed = CensusRules.closedVersions(record);
        if (closed.isEmpty() || record.getCensus() == 0) {
            requests.remove(journeyId);
            counts.remove(journeyId);
            return;
        }
        requests.put(journeyId, new Request(record.getCensus(), closed));
        Map<Integer, long[]> known = counts.get(journeyId);
        if (known == null || !known.keySet().containsAll(closed)) {
            recount(scan);
        } else {
            known.keySet().retainAll(closed);
        }
        out.accept(report(journeyId));
    }

    /** Before the engine runs: which of the customer's instances are on counted versions. */
    void capture(CustomerState before) {
        departingJourneys.clear();
        departingVersions.clear();
        if (counts.isEmpty() || before == null) {
            return;
        }
        for (Map.Entry<String, JourneyInstance> entry : before.getInstances().entrySet()) {
            Map<Integer, long[]> versions = counts.get(entry.getKey());
            if (versions != null && versions.containsKey(entry.getValue().getVersion())) {
                departingJourneys.add(entry.getKey());
                departingVersions.add(entry.getValue().getVersion());
            }
        }
    }

    /** After the engine ran: counts the customer out of every counted version it left, answers for any emptied. */
    void settle(CustomerState after, Consumer<CensusReport> out) {
        for (int i = 0; i < departingJourneys.size(); i++) {
            String journeyId = departingJourneys.get(i);
            int version = departingVersions.get(i);
            JourneyInstance now = after == null ? null : after.getInstances().get(journeyId);
            if (now != null && now.getVersion() == version) {
                continue;
            }
            long[] left = counts.get(journeyId).get(version);
            if (--left[0] == 0) {
                out.accept(report(journeyId));
            }
        }
    }

    private void recount(Scan scan) throws Exception {
        counts.clear();
        requests.forEach((journeyId, request) -> {
            Map<Integer, long[]> versions = new HashMap<>();
            request.closed().forEach(version -> versions.put(version, new long[1]));
            counts.put(journeyId, versions);
        });
        scan.forEach(state -> state.getInstances().forEach((journeyId, instance) -> {
            Map<Integer, long[]> versions = counts.get(journeyId);
            long[] count = versions == null ? null : versions.get(instance.getVersion());
            if (count != null) {
                count[0]++;
            }
        }));
    }

    private CensusReport report(String journeyId) {
        Map<String, Long> instances = new TreeMap<>();
        counts.get(journeyId).forEach((version, count) -> instances.put(String.valueOf(version), count[0]));
        return new CensusReport(journeyId, requests.get(journeyId).census(), subtask, parallelism, instances);
    }
}
