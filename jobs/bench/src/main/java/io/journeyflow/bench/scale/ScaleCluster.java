package io.journeyflow.bench.scale;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A MiniCluster in this JVM (one TaskManager, one slot per parallel task) that runs one job and takes its checkpoints
 * and savepoints on request, with the statistics Flink keeps of each.
 */
public final class ScaleCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /** What one completed checkpoint cost, as Flink's checkpoint statistics report it. */
    public record Checkpoint(long id, long durationMs, long fullBytes, long uploadedBytes) {}

    private final MiniCluster cluster;
    private JobID job;

    /**
     * @param managedMemory what RocksDB may use in all (a TaskManager's managed memory)
     * @param rocksdbDir RocksDB's working folder, so its tables can be measured
     */
    public ScaleCluster(int slots, MemorySize managedMemory, Path rocksdbDir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, managedMemory);
        conf.set(RocksDBOptions.LOCAL_DIRECTORIES, rocksdbDir.toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
    }

    /** Submits the job and waits until a checkpoint can be taken, which needs all of its tasks running. */
    public void run(StreamGraph graph) throws Exception {
        job = cluster.submitJob(graph).get().getJobID();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (cluster.getJobStatus(job).get() != JobStatus.RUNNING) {
            failIfPast(deadline, "the job to run");
            Thread.sleep(100);
        }
    }

    /** The job's status; a failed job throws with its cause, so a benchmark never waits on a dead job. */
    public void checkAlive() throws Exception {
        JobStatus status = cluster.getJobStatus(job).get();
        if (status.isGloballyTerminalState()) {
            cluster.requestJobResult(job).get().toJobExecutionResult(getClass().getClassLoader());
            throw new IllegalStateException("the job ended " + status);
        }
    }

    /** Takes a checkpoint of the configured kind (RocksDB: incremental) and returns its statistics. */
    public Checkpoint checkpoint() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                cluster.triggerCheckpoint(job).get();
                break;
            } catch (ExecutionException notAllTasksRunning) {
                // Tasks deploy a little after the job reports RUNNING; the coordinator refuses until they do.
                failIfPast(deadline, "a checkpoint (" + notAllTasksRunning.getCause() + ")");
                Thread.sleep(200);
            }
        }
        CompletedCheckpointStats stats = cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot()
                .getHistory().getLatestCompletedCheckpoint();
        return new Checkpoint(stats.getCheckpointId(), stats.getEndToEndDuration(), stats.getStateSize(),
                stats.getCheckpointedSize());
    }

    /**
     * Takes a savepoint and returns its path: canonical (portable, read with either backend) or native (RocksDB's own
     * tables, read with RocksDB only).
     */
    public String savepoint(Path folder, SavepointFormatType format) throws Exception {
        return cluster.triggerSavepoint(job, folder.toUri().toString(), false, format).get();
    }

    private static void failIfPast(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + START_TIMEOUT);
        }
    }

    @Override
    public void close() throws Exception {
        if (job != null && !cluster.getJobStatus(job).get().isGloballyTerminalState()) {
            cluster.cancelJob(job).get();
        }
        cluster.close();
    }
}
