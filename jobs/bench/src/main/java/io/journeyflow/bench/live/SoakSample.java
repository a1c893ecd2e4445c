package io.journeyflow.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URI;

/**
 * One look at the running job: heap (as used now, and what stays live after a full collection: what grows if
 * something leaks) and checkpoints from Flink's REST API (counts, the latest one's size and time).
 *
 * @param heapAfterGcMb the heap still in use right after a full collection that this sample asks for
 * @param firstCompletedId the id of the job's first completed checkpoint, when the checkpoint history this sample
 *     saw still reached back to checkpoint 1; otherwise -1. Every id below it was a checkpoint that failed while the
 *     job was starting
 * @param stateMb the latest completed checkpoint's full state size
 * @param checkpointedMb what that checkpoint wrote (less than the state with incremental RocksDB checkpoints)
 */
record SoakSample(long secondsIn, long heapUsedMb, long heapAfterGcMb, long completed, long failed,
                  long firstCompletedId, double stateMb, double checkpointedMb, long checkpointMs, String status) {

    private static final double MB = 1024 * 1024;

    static SoakSample take(long secondsIn, LiveRig rig) throws Exception {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // The heap is fixed at its maximum from the start (as on a task manager), so the old generation may never be
        // collected in a run, and what the collector last left says nothing about it. A pause every 30 s is the price.
        ManagementFactory.getMemoryMXBean().gc();
        long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        JsonNode checkpoints = RestJson.get(URI.create(rig.jobUri() + "/checkpoints"));
        JsonNode latest = checkpoints.path("latest").path("completed");
        return new SoakSample(secondsIn, Math.round(used / MB), Math.round(afterGc / MB),
                checkpoints.path("counts").path("completed").asLong(), checkpoints.path("counts").path("failed").asLong(),
                firstCompletedId(checkpoints.path("history")), latest.path("state_size").asLong() / MB, latest.path("checkpointed_size").asLong() / MB,
                latest.path("end_to_end_duration").asLong(), rig.status().name());
    }

    private static long firstCompletedId(JsonNode history) {
        long lowest = Long.MAX_VALUE;
        long firstCompleted = Long.MAX_VALUE;
        for (JsonNode checkpoint : history) {
            long id = checkpoint.path("id").asLong();
            lowest = Math.min(lowest, id);
            if (checkpoint.path("status").asText().equals("COMPLETED")) {
                firstCompleted = Math.min(firstCompleted, id);
            }
        }
        return lowest == 1 && firstCompleted != Long.MAX_VALUE ? firstCompleted : -1;
    }
}
