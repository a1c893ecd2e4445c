package io.journeyflow.bench.job;

import io.journeyflow.bench.live.StateChangelog;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfigBuilder;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.job.WorkflowSources;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The jobs the whole-job benchmark compares, over the same input topic. */
public enum BenchedJob {

    /** Source and sink of the real job, a stateless map between: the limit. */
    PASS_THROUGH(JobConfig.StateBackendKind.HASHMAP),
    /** The same with a keyBy by customer id in between: the network shuffle any keyed job pays, for reference. */
    PASS_THROUGH_KEYED(JobConfig.StateBackendKind.HASHMAP),
    /** The real workflow ({@link JourneyflowJob#defineWorkflow}) with state on the heap. */
    FULL_HASHMAP(JobConfig.StateBackendKind.HASHMAP),
    /** The real workflow with RocksDB state (incremental checkpoints, bloom filters), as in production. */
    FULL_ROCKSDB(JobConfig.StateBackendKind.ROCKSDB),
    /**
     * The same with the state changelog, materialized every 3 minutes as flink-conf/ has it ready, and at most 1,250
     * changed customers in the cache (docs/operations.md, "Sizing the customer cache").
     */
    FULL_ROCKSDB_CHANGELOG(JobConfig.StateBackendKind.ROCKSDB),
    /** The same without the orchestrator's customer cache: every event reads and writes RocksDB. */
    FULL_ROCKSDB_UNCACHED(JobConfig.StateBackendKind.ROCKSDB),
    /** RocksDB state with Flink's timers on the heap ({@code state.backend.rocksdb.timer-service.factory: HEAP}). */
    FULL_ROCKSDB_HEAP_TIMERS(JobConfig.StateBackendKind.ROCKSDB);

    private final JobConfig.StateBackendKind backend;

    BenchedJob(JobConfig.StateBackendKind backend) {
        this.backend = backend;
    }

    /** The benchmark's configuration of this job: its state backend, and its customer cache. */
    public JobConfigBuilder configure(JobConfigBuilder config) {
        config.stateBackend(backend);
        if (this == FULL_ROCKSDB_CHANGELOG) {
            config.customerCacheChanged(1_250);
        }
        return this == FULL_ROCKSDB_UNCACHED ? config.customerCache(0) : config;
    }

    /**
     * The Flink settings this job runs with beyond the job's own: where its timers live, whether its state changes are
     * logged. Returns what to delete once the run is over.
     */
    public AutoCloseable configureFlink(Configuration cluster) throws IOException {
        if (this == FULL_ROCKSDB_HEAP_TIMERS) {
            cluster.set(RocksDBOptions.TIMER_SERVICE_FACTORY, EmbeddedRocksDBStateBackend.PriorityQueueStateType.HEAP);
        }
        return this == FULL_ROCKSDB_CHANGELOG ? StateChangelog.enable(cluster, Duration.ofMinutes(3)) : () -> { };
    }

    /** The name on the command line and in reports: the constant's name in lower case, with dashes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BenchedJob of(String label) {
        for (BenchedJob job : values()) {
            if (job.label().equals(label)) {
                return job;
            }
        }
        throw new IllegalArgumentException("unknown job '" + label + "' (known: "
                + Arrays.stream(values()).map(BenchedJob::label).collect(Collectors.joining(", ")) + ")");
    }

    /** Defines this job on {@code env}; the events source stops at the end offsets seen at start. */
    public void define(StreamExecutionEnvironment env, JobConfig config) {
        if (this == PASS_THROUGH || this == PASS_THROUGH_KEYED) {
            PassThroughJob.define(env, config, this == PASS_THROUGH_KEYED);
        } else {
            JourneyflowJob.defineWorkflow(env, config, new WorkflowSources(KafkaEnds.boundedEvents(config), null),
                    KafkaEnds.sinks(config));
        }
    }
}
