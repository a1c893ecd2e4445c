package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.cluster.ClusterScripts.Result;
import io.journeyflow.job.JobConfig;
import io.journeyflow.local.kafka.OutputTail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations walk-through of docs/operations.md, run for real: {@code scripts/cluster} starts a Kafka broker and
 * a standalone Flink cluster (on free ports), Flink's own CLI submits the shaded job jar, stops it with a savepoint
 * halfway through the input and starts it again from that savepoint. The actions committed across both runs must be
 * exactly those of one uninterrupted run over the same events: none lost, none repeated.
 */
class ClusterRoundTripITCase {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @RegisterExtension
    static final StartedCluster CLUSTER = new StartedCluster("cluster-home");

    private final ClusterScripts scripts = CLUSTER.scripts();

    @TempDir
    Path dir;

    @Test
    void aSecondStartSaysSoAndStatusShowsWhatRunsWithPortsAndPids() {
        Result again = scripts.cluster("start");
        Result status = scripts.cluster("status");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("kafka is already running", "flink is already running");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output())
                .contains("broker " + scripts.bootstrapServers(), "rest http://127.0.0.1:" + scripts.restPort())
                .containsPattern("taskmanager +running +pid \\d+ +slots: 2");
        assertThat(StartedCluster.pids(status.output())).hasSize(3);
    }

    @Test
    void actionsAcrossStopWithSavepointAndRestoreAreExactlyThoseOfOneUninterruptedRun() throws Exception {
        long started = System.nanoTime();
        GeneratedMonth events = new GeneratedMonth(150);
        Path eventsFile = events.writeJsonLines(dir.resolve("events.jsonl"));
        // The uninterrupted run goes on while the cluster gets the job: both take a while to start.
        CompletableFuture<List<String>> uninterrupted = CompletableFuture.supplyAsync(() -> JourneyCtlCommands
                .simulate(StartedCluster.JOURNEYS, eventsFile, GeneratedMonth.UNTIL, dir.resolve("sim")).actions());
        JourneyCtlCommands.createTopics(scripts.bootstrapServers(), GeneratedMonth.PARTITIONS);
        String firstJob = ClusterScripts.jobId(scripts.flink(CLUSTER.submitCommand("2s")));
        List<String> expected = uninterrupted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<String> decidedBeforeSplit = ActionLines.decidedBefore(expected,
                GeneratedMonth.SPLIT.minus(JobConfig.defaults().outOfOrderness()));
        assertThat(decidedBeforeSplit).hasSizeGreaterThan(20).hasSizeLessThan(expected.size() - 20);

        try (CommittedOutput actions = new CommittedOutput(scripts.bootstrapServers(), OutputTail.actionTopics())) {
            List<String> seen = actions.seen();
            GeneratedMonth.produce(scripts.bootstrapServers(), JobConfig.defaults().eventsTopic(), events.firstHalf());
            actions.pollUntil(() -> seen.containsAll(decidedBeforeSplit), "the first half's actions", WAIT);
            String savepoint = ClusterScripts.savepointPath(scripts.flink("stop", "--savepointPath",
                    CLUSTER.home().resolve("savepoints").toString(), firstJob));
            actions.readToEnd(WAIT);
            List<String> beforeSavepoint = List.copyOf(seen);

            String secondJob = ClusterScripts.jobId(scripts.flink(CLUSTER.submitCommand("2s", "-s", savepoint)));
            GeneratedMonth.produce(scripts.bootstrapServers(), JobConfig.defaults().eventsTopic(), events.secondHalf());
            actions.pollUntil(() -> new HashSet<>(seen).containsAll(expected), "every expected action", WAIT);
            assertThat(new FlinkRest(scripts.restPort(), secondJob).restoredFrom()).isEqualTo(savepoint);
            scripts.flink("stop", secondJob);
            actions.readToEnd(WAIT);
            List<String> afterRestore = seen.subList(beforeSavepoint.size(), seen.size());

            assertThat(beforeSavepoint).doesNotHaveDuplicates().containsAll(decidedBeforeSplit).isSubsetOf(expected);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
            // State came through the savepoint: instances that acted before it act again after the restore.
            assertThat(ActionLines.instanceIds(afterRestore))
                    .containsAnyElementsOf(ActionLines.instanceIds(beforeSavepoint));
        }
        System.out.printf("round trip: %d actions, %d before the savepoint, in %.1f s%n", expected.size(),
                decidedBeforeSplit.size(), (System.nanoTime() - started) / 1e9);
    }
}
