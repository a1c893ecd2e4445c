package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.cluster.JourneyCtlCommands.Simulated;
import io.journeyflow.job.JobConfig;
import io.journeyflow.local.kafka.OutputTail;
import io.journeyflow.schema.CustomerEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under faults, on the real cluster: while a paced feed is still sending a month of customer history,
 * the TaskManager is killed with SIGKILL three times (and started again), then the Kafka broker is restarted. What a
 * {@code read_committed} consumer finds on the action and journey-event topics must be, record for record, what one
 * run without faults writes over the same events ({@code journeyctl simulate}, the same workflow; the round trip test
 * shows it equals an uninterrupted cluster run): nothing missing, nothing twice.
 */
class ClusterFaultsITCase {

    private static final JobConfig NAMES = JobConfig.defaults();
    private static final int CUSTOMERS = 400;
    private static final int BATCH = 60;
    private static final Duration PACE = Duration.ofSeconds(1);
    /** The last tenth of the input is sent only after the faults: each of them lands while input is arriving. */
    private static final double HELD_BACK = 0.1;
    /** Fault points, as shares of the actions the job can decide before the held-back input arrives. */
    private static final double[] TASKMANAGER_KILLS_AT = {0.2, 0.4, 0.6};
    private static final double BROKER_RESTART_AT = 0.8;
    private static final Duration WAIT = Duration.ofMinutes(3);
    /**
     * A dead TaskManager is declared lost after two failed heartbeats: 4 s rather than 20 with the defaults. The state
     * changelog, which flink-conf/ has ready but off, is on, materialized every 5 s rather than every 3 minutes, so
     * restores read both halves of a checkpoint: RocksDB's own snapshot and the changes logged since. The round trip
     * test runs on flink-conf/ as it is.
     */
    private static final String[] FAULT_TUNING = {"heartbeat.interval=2s", "state.changelog.enabled=true",
        "state.changelog.periodic-materialize.interval=5s"};

    @RegisterExtension
    static final StartedCluster CLUSTER = new StartedCluster("faults-cluster-home", FAULT_TUNING);

    private final ClusterScripts scripts = CLUSTER.scripts();

    @TempDir
    Path dir;

    @Test
    void outputAcrossTaskManagerKillsAndABrokerRestartIsExactlyThatOfARunWithoutFaults() throws Exception {
        long started = System.nanoTime();
        GeneratedMonth month = new GeneratedMonth(CUSTOMERS);
        List<CustomerEvent> events = month.all();
        Path eventsFile = month.writeJsonLines(dir.resolve("events.jsonl"));
        CompletableFuture<Simulated> withoutFaults = CompletableFuture.supplyAsync(() -> JourneyCtlCommands
                .simulate(StartedCluster.JOURNEYS, eventsFile, GeneratedMonth.UNTIL, dir.resolve("sim")));
        JourneyCtlCommands.createTopics(scripts.bootstrapServers(), GeneratedMonth.PARTITIONS);
        // Checkpoints every second: output shows up sooner, and each restore goes back less far.
        String jobId = ClusterScripts.jobId(scripts.flink(CLUSTER.submitCommand("1s")));
        FlinkRest job = new FlinkRest(scripts.restPort(), jobId);
        Simulated expected = withoutFaults.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int heldBackFrom = (int) (events.size() * (1 - HELD_BACK));
        // Margin: the watermark trails the newest event of the slower partition.
        Instant reachableUntil = Instant.ofEpochMilli(events.get(heldBackFrom - 1).getTs()).minus(Duration.ofDays(1));
        int reachable = ActionLines.decidedBefore(expected.actions(), reachableUntil).size();
        FaultLog faults = new FaultLog();
        List<Long> restoredCheckpoints = new ArrayList<>();

        try (CommittedOutput actions = new CommittedOutput(scripts.bootstrapServers(), OutputTail.actionTopics());
             CommittedOutput journeyEvents = new CommittedOutput(scripts.bootstrapServers(),
                     List.of(NAMES.journeyEventsTopic()));
             TopicOffsets input = new TopicOffsets(scripts.bootstrapServers(), NAMES.eventsTopic());
             PacedFeed feed = PacedFeed.start(scripts.bootstrapServers(), NAMES.eventsTopic(), events, BATCH, PACE,
                     heldBackFrom)) {
            for (double share : TASKMANAGER_KILLS_AT) {
                awaitCommitted(actions, (int) (share * reachable));
                faults.striking("kill-taskmanager", feed, actions.seen().size(), expected.actions().size());
                restoredCheckpoints.add(injectAndAwaitCheckpoint(job, actions, faults, "kill-taskmanager",
                        "start-taskmanager"));
            }
            awaitCommitted(actions, (int) (BROKER_RESTART_AT * reachable));
            faults.striking("restart-broker", feed, actions.seen().size(), expected.actions().size());
            injectAndAwaitCheckpoint(job, actions, faults, "restart-broker");

            feed.release();
            assertThat(feed.awaitAllSent(WAIT)).isEqualTo(events.size());
            assertThat(input.end()).as("events on the topic, each once").isEqualTo(events.size());
            awaitStableOutput(job, input, events.size(), actions, expected.actions());
            journeyEvents.readToEnd(WAIT);

            OutputComparison actionsCompared = OutputComparison.of("actions", expected.actions(), actions.seen());
            OutputComparison journeyEventsCompared =
                    OutputComparison.of("journey events", expected.journeyEvents(), journeyEvents.seen());
            int failures = job.failures();
            System.out.printf("faults, %d events:%n%s%n%s%n%s%n%d failures restarted from, in %.1f s%n",
                    events.size(), faults, actionsCompared, journeyEventsCompared, failures,
                    (System.nanoTime() - started) / 1e9);

            for (OutputComparison compared : List.of(actionsCompared, journeyEventsCompared)) {
                assertThat(compared.missing()).as("missing " + compared.what()).isEmpty();
                assertThat(compared.unexpected()).as("unexpected " + compared.what()).isEmpty();
                assertThat(compared.duplicates()).as("duplicate " + compared.what()).isZero();
            }
            assertThat(failures).as("failures").isGreaterThanOrEqualTo(TASKMANAGER_KILLS_AT.length);
            assertThat(restoredCheckpoints).as("each kill restored a newer checkpoint").isSorted()
                    .doesNotHaveDuplicates().allMatch(id -> id > 0);
            // Files come and go as materializations subsume them; the job's folder stays.
            assertThat(CLUSTER.home().resolve("changelog").resolve(jobId)).as("state changes logged").isDirectory();
        }
    }

    /**
     * Waits until the job has consumed every event and committed every expected action, then for two more
     * checkpoints: anything still to come (a repeat, say) would be committed by then.
     */
    private static void awaitStableOutput(FlinkRest job, TopicOffsets input, int events, CommittedOutput actions,
                                          List<String> expected) throws Exception {
        actions.pollUntil(() -> input.committedBy(NAMES.consumerGroup()) == events
                && new HashSet<>(actions.seen()).containsAll(expected), "every event consumed", WAIT);
        // Triggered more than an interval (1 s) after this instant: the second checkpoint from now, at least.
        long settled = System.currentTimeMillis() + 1_000;
        actions.pollUntil(() -> job.checkpointProgress().completedOneTriggeredAfter(settled), "two more checkpoints",
                WAIT);
        actions.readToEnd(WAIT);
    }

    /**
     * Runs the {@code scripts/cluster} commands of a fault, then reads actions until the job has completed a checkpoint
     * triggered after them (after a restart, that is one newer than the checkpoint it restored).
     *
     * @return the checkpoint the job last restored, as of that completed checkpoint
     */
    private long injectAndAwaitCheckpoint(FlinkRest job, CommittedOutput actions, FaultLog faults,
                                          String... commands) throws Exception {
        long injected = System.nanoTime();
        for (String command : commands) {
            ClusterScripts.Result result = scripts.cluster(command);
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
        long faultOver = System.currentTimeMillis();
        actions.pollUntil(() -> job.checkpointProgress().completedOneTriggeredAfter(faultOver),
                "a checkpoint after " + commands[0], WAIT);
        // The job has run since its restore; a later answer names the same restore (or a newer cached one does).
        long restored = job.checkpointProgress().restoredId();
        faults.recovered(System.nanoTime() - injected, restored);
        return restored;
    }

    /** Reads actions until at least {@code count} are committed. */
    private static void awaitCommitted(CommittedOutput actions, int count) throws Exception {
        actions.pollUntil(() -> actions.seen().size() >= count, count + " committed actions", WAIT);
    }
}
