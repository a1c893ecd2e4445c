package io.journeyflow.job;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The environment every Journeyflow job runs in (types, state backend, checkpoints, parallelism); public so that jobs
 * compared with this one (jobs/bench) run in exactly the same one.
 */
public final class JobEnvironment {

    private JobEnvironment() {
    }

    public static void configure(StreamExecutionEnvironment env, JobConfig config) {
        Configuration conf = new Configuration();
        // Kryo state cannot evolve: fail at job build time rather than fall back to it silently.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Without reuse, every record handed to a chained operator or sink is deep-copied first (an Avro deep copy
        // of every action and journey event). Safe here: no operator keeps or changes a record after emitting it,
        // every emitted record is new, and the sinks serialise at once.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        // The job overrides the cluster's backend only when told to: a cluster configured for RocksDB stays RocksDB.
        if (config.stateBackend() != JobConfig.StateBackendKind.CLUSTER) {
            conf.set(StateBackendOptions.STATE_BACKEND, config.stateBackend().flinkName());
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS,
                    config.stateBackend() == JobConfig.StateBackendKind.ROCKSDB);
        }
        // Most events come from customers with no state: bloom filters answer those misses without reading files.
        conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        if (config.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        env.configure(conf);
        env.setParallelism(config.parallelism());
        env.setMaxParallelism(config.maxParallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            // A checkpoint that completes after the broker has aborted its transactions loses their output, and
            // Flink's Kafka committer only logs that. Failing the checkpoint sooner restarts the job from the previous
            // one instead: the input is read again. With the interval below half the timeout (JobConfig), a
            // transaction then always ends before the broker's deadline.
            long latest = config.transactionTimeout().toMillis() / 2;
            if (env.getCheckpointConfig().getCheckpointTimeout() > latest) {
                env.getCheckpointConfig().setCheckpointTimeout(latest);
            }
        }
    }
}
