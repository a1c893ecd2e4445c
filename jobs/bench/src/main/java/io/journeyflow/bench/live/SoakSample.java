package io.journeyflow.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;

/**
 * One look at the running job: heap (as the collector left it after its last collection, which is what grows if
 * something leaks, and as used now) and checkpoints from Flink's REST API (counts, the latest one's size and time).
 *
 * @param heapAfterGcMb the heap still in use after the last collection of each pool, summed
 * @param stateMb the latest completed checkpoint's full state size
 * @param checkpointedMb what that checkpoint wrote (less than the state with incremental RocksDB checkpoints)
 */
record SoakSample(long secondsIn, long heapUsedMb, long heapAfterGcMb, long completed, long failed, double stateMb,
                  double checkpointedMb, long checkpointMs, String status) {

    private static final double MB = 1024 * 1024;

    static SoakSample take(long secondsIn, LiveRig rig) throws Exception {
        long used = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
                afterGc += pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed();
            }
        }
        JsonNode checkpoints = RestJson.get(URI.create(rig.jobUri() + "/checkpoints"));
        JsonNode latest = checkpoints.path("latest").path("completed");
        return new SoakSample(secondsIn, Math.round(used / MB), Math.round(afterGc / MB),
                checkpoints.path("counts").path("completed").asLong(), checkpoints.path("counts").path("failed").asLong(),
                latest.path("state_size").asLong() / MB, latest.path("checkpointed_size").asLong() / MB,
                latest.path("end_to_end_duration").asLong(), rig.status().name());
    }
}
