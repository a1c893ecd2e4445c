package io.journeyflow.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One look at the running job: heap (as used now, and what stays live after a full collection: what grows if
 * something leaks) and checkpoints from Flink's REST API (counts, the latest one's size and time).
 *
 * @param heapAfterGcMb the heap still in use right after a full collection that this sample asks for
 * @param failures the failed checkpoints in the history this sample saw (the latest few), with Flink's reasons
 * @param stateMb the latest completed checkpoint's full state size
 * @param checkpointedMb what that checkpoint wrote (less than the state with incremental RocksDB checkpoints)
 * @param produced events the generator has written to the events topic so far
 * @param read events the job has taken in as of its latest completed checkpoint (the consumer group's committed
 *     offsets): Flink's REST API serves metrics it fetched at the previous request, which here was a sample ago
 */
record SoakSample(long secondsIn, long heapUsedMb, long heapAfterGcMb, long completed, long failed,
                  List<FailedCheckpoint> failures, double stateMb, double checkpointedMb, long checkpointMs,
                  String status, long produced, long read) {

    private static final double MB = 1024 * 1024;

    static SoakSample take(long secondsIn, LiveRig rig) throws Exception {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // The heap is fixed at its maximum from the start (as on a task manager), so the old generation may never be
        // collected in a run, and what the collector last left says nothing about it. A pause every 30 s is the price.
        ManagementFactory.getMemoryMXBean().gc();
        long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        EventsTopicPosition events = EventsTopicPosition.of(rig.bootstrapServers(), rig.config());
        JsonNode checkpoints = RestJson.get(URI.create(rig.jobUri() + "/checkpoints"));
        JsonNode latest = checkpoints.path("latest").path("completed");
        return new SoakSample(secondsIn, Math.round(used / MB), Math.round(afterGc / MB),
                checkpoints.path("counts").path("completed").asLong(),
                checkpoints.path("counts").path("failed").asLong(),
                failures(checkpoints.path("history")), latest.path("state_size").asLong() / MB,
                latest.path("checkpointed_size").asLong() / MB, latest.path("end_to_end_duration").asLong(),
                rig.status().name(), events.produced(), events.committed());
    }

    private static List<FailedCheckpoint> failures(JsonNode history) {
        List<FailedCheckpoint> failures = new ArrayList<>();
        for (JsonNode checkpoint : history) {
            if (checkpoint.path("status").asText().equals("FAILED")) {
                failures.add(new FailedCheckpoint(checkpoint.path("id").asLong(),
                        checkpoint.path("failure_message").asText()));
            }
        }
        return failures;
    }
}
