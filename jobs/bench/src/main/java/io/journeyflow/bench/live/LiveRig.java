package io.journeyflow.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfigBuilder;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.local.JourneyCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The real job running live (its unbounded Kafka sources and sinks) on a MiniCluster in this JVM, against an
 * in-process broker, with a REST endpoint on a free port for its metrics; fed by {@code journeyctl generate --live}.
 */
public final class LiveRig implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final MiniCluster cluster;
    private final JobConfig config;
    private final JobID job;
    private final StateChangelog changelog;
    private long failedWhileStarting;

    private LiveRig(EmbeddedKafka kafka, MiniCluster cluster, JobConfig config, JobID job, StateChangelog changelog) {
        this.kafka = kafka;
        this.cluster = cluster;
        this.config = config;
        this.job = job;
        this.changelog = changelog;
    }

    /**
     * @param bufferTimeout how long a network buffer may wait to fill before it is sent: Flink's default of 100 ms
     *     is a floor under latency at low rates
     * @param materializeEvery with a state changelog ({@link StateChangelog}), how often the backend's own snapshot
     *     is taken; {@code null}: no changelog
     */
    public static LiveRig start(JobConfigBuilder settings, Duration bufferTimeout, Duration materializeEvery)
            throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        // Without a folder, checkpoints go to the JobManager's memory, which refuses state over 5 MB.
        JobConfig config = settings.bootstrapServers(kafka.bootstrapServers())
                .checkpointDir(Files.createTempDirectory("journeyflow-live-checkpoints").toUri().toString()).build();
        kafka.createJourneyflowTopics(config.parallelism(), config.journeysTopic(), config.plainTopics());
        Configuration flink = new Configuration();
        flink.set(RestOptions.PORT, 0);
        flink.set(ExecutionOptions.BUFFER_TIMEOUT, bufferTimeout);
        flink.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
        StateChangelog changelog = materializeEvery == null ? null : StateChangelog.enable(flink, materializeEvery);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(flink)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(config.parallelism()).build());
        cluster.start();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(flink);
        JourneyflowJob.defineWorkflow(env, config, KafkaEnds.sources(config), KafkaEnds.sinks(config));
        JobID job = cluster.submitJob(env.getStreamGraph()).get().getJobID();
        LiveRig rig = new LiveRig(kafka, cluster, config, job, changelog);
        rig.failedWhileStarting = rig.awaitEveryTaskRunning();
        return rig;
    }

    /** Waits until every task runs (or, like the start-up journeys, has finished); returns the failed checkpoints. */
    private long awaitEveryTaskRunning() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!everyTaskRunning()) {
            if (System.nanoTime() > deadline || status().isGloballyTerminalState()) {
                throw new IllegalStateException("the job's tasks did not all start: " + RestJson.get(jobUri()));
            }
            Thread.sleep(100);
        }
        return RestJson.get(URI.create(jobUri() + "/checkpoints")).path("counts").path("failed").asLong();
    }

    private boolean everyTaskRunning() throws Exception {
        if (status() != JobStatus.RUNNING) {
            return false;
        }
        for (JsonNode vertex : RestJson.get(jobUri()).path("vertices")) {
            String state = vertex.path("status").asText();
            if (!state.equals("RUNNING") && !state.equals("FINISHED")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checkpoints Flink had counted as failed when every task first ran: triggers it refused while tasks were still
     * starting ("Not all required tasks are currently running", in its log; its REST API keeps no reason).
     */
    public long checkpointsFailedWhileStarting() {
        return failedWhileStarting;
    }

    public JobConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The job's REST resource, e.g. {@code .../jobs/<id>}. */
    public URI jobUri() throws Exception {
        return cluster.getRestAddress().get().resolve("/jobs/" + job);
    }

    public JobStatus status() throws Exception {
        return cluster.getJobStatus(job).get();
    }

    /**
     * Produces {@code events} generated events at {@code rate} per second, each stamped with the wall clock as it is
     * sent, in a thread of its own; the returned thread ends when all are acknowledged.
     */
    public Thread feed(int customers, int days, long events, double rate) {
        Thread feeder = new Thread(() -> {
            StringWriter errors = new StringWriter();
            int exit = JourneyCtl.commandLine().setOut(new PrintWriter(new StringWriter()))
                    .setErr(new PrintWriter(errors, true)).execute("generate", "--kafka", bootstrapServers(),
                            "--topic", config.eventsTopic(), "--customers", String.valueOf(customers),
                            "--days", String.valueOf(days), "--events", String.valueOf(events),
                            "--rate", String.valueOf(rate), "--live");
            if (exit != 0) {
                throw new IllegalStateException("the generator failed: " + errors);
            }
        }, "feed");
        feeder.start();
        return feeder;
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.cancelJob(job).get();
            cluster.close();
        } finally {
            kafka.close();
            if (changelog != null) {
                changelog.close();
            }
        }
    }
}
