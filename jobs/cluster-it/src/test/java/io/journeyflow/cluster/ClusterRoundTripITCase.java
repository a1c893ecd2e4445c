package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.cluster.ClusterScripts.Result;
import io.journeyflow.job.JobConfig;
import io.journeyflow.local.kafka.OutputTail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations walk-through of docs/operations.md, run for real: {@code scripts/cluster} starts a Kafka broker and
 * a standalone Flink cluster (on free ports), Flink's own CLI submits the shaded job jar, stops it with a savepoint
 * halfway through the input and starts it again from that savepoint. The actions committed across both runs must be
 * exactly those of one uninterrupted run over the same events: none lost, none repeated.
 */
class ClusterRoundTripITCase {

    private static final Path ROOT = Path.of(System.getProperty("journeyflow.root")).toAbsolutePath().normalize();
    private static final Path JOB_JAR = Path.of(System.getProperty("journeyflow.jobJar"));
    private static final Path JOURNEYS = ROOT.resolve("jobs/local/src/main/resources/journeys");
    private static final Path HOME = Path.of("target/cluster-home").toAbsolutePath();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    private static ClusterScripts scripts;
    private static Thread stopOnExit;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        scripts = ClusterScripts.onFreePorts(ROOT, HOME, HOME.resolveSibling("cluster-scripts"),
                Boolean.getBoolean("journeyflow.mavenOffline"));
        // A run that was killed may have left its cluster behind: its recorded processes go first, then its files.
        scripts.cluster("stop");
        scripts.cluster("clean");
        stopOnExit = new Thread(() -> scripts.cluster("stop"));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long started = System.nanoTime();
        Result start = scripts.cluster("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        System.out.printf("cluster started in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopCluster() {
        List<Long> pids = pids(scripts.cluster("status").output());
        Result stop = scripts.cluster("stop");
        Runtime.getRuntime().removeShutdownHook(stopOnExit);

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(pids).as("kafka, jobmanager, taskmanager").hasSize(3);
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(scripts.cluster("status").output()).contains("kafka        stopped", "jobmanager   stopped");
    }

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
        assertThat(pids(status.output())).hasSize(3);
    }

    @Test
    void actionsAcrossStopWithSavepointAndRestoreAreExactlyThoseOfOneUninterruptedRun() throws Exception {
        long started = System.nanoTime();
        RoundTripEvents events = new RoundTripEvents();
        Path eventsFile = events.writeJsonLines(dir.resolve("events.jsonl"));
        // The uninterrupted run goes on while the cluster gets the job: both take a while to start.
        CompletableFuture<List<String>> uninterrupted = CompletableFuture.supplyAsync(() ->
                JourneyCtlCommands.simulatedActions(JOURNEYS, eventsFile, RoundTripEvents.UNTIL, dir.resolve("sim")));
        JourneyCtlCommands.createTopics(scripts.bootstrapServers(), RoundTripEvents.PARTITIONS);
        String firstJob = ClusterScripts.jobId(scripts.flink(submit()));
        List<String> expected = uninterrupted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<String> decidedBeforeSplit = ActionLines.decidedBefore(expected,
                RoundTripEvents.SPLIT.minus(JobConfig.defaults().outOfOrderness()));
        assertThat(decidedBeforeSplit).hasSizeGreaterThan(20).hasSizeLessThan(expected.size() - 20);

        List<String> seen = new ArrayList<>();
        try (OutputTail actions = new OutputTail(scripts.bootstrapServers(), OutputTail.actionTopics(), true)) {
            RoundTripEvents.produce(scripts.bootstrapServers(), JobConfig.defaults().eventsTopic(), events.firstHalf());
            pollUntil(actions, seen, () -> seen.containsAll(decidedBeforeSplit), "the first half's actions");
            String savepoint = ClusterScripts.savepointPath(
                    scripts.flink("stop", "--savepointPath", HOME.resolve("savepoints").toString(), firstJob));
            seen.addAll(actions.readToEnd(WAIT));
            List<String> beforeSavepoint = List.copyOf(seen);

            String secondJob = ClusterScripts.jobId(scripts.flink(submit("-s", savepoint)));
            RoundTripEvents.produce(scripts.bootstrapServers(), JobConfig.defaults().eventsTopic(), events.secondHalf());
            pollUntil(actions, seen, () -> new HashSet<>(seen).containsAll(expected), "every expected action");
            assertThat(FlinkRest.restoredFrom(scripts.restPort(), secondJob)).isEqualTo(savepoint);
            scripts.flink("stop", secondJob);
            seen.addAll(actions.readToEnd(WAIT));
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

    /** {@code flink run -d [extra] JOB_JAR} with the job options of the walk-through, event time from events only. */
    private static String[] submit(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(List.of(extra));
        args.addAll(List.of(JOB_JAR.toString(),
                "--bootstrap-servers", scripts.bootstrapServers(),
                "--journeys-dir", JOURNEYS.toString(),
                "--watermark-mode", "deterministic",
                "--until", RoundTripEvents.UNTIL.toString(),
                "--state-backend", "rocksdb",
                "--checkpoint-interval", "2s",
                "--parallelism", "2"));
        return args.toArray(String[]::new);
    }

    /** Reads actions into {@code seen} until {@code done} holds; fails after {@link #WAIT}. */
    private static void pollUntil(OutputTail actions, List<String> seen, BooleanSupplier done, String what)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s; %d actions seen so far", what, WAIT, seen.size())
                    .isLessThan(deadline);
            seen.addAll(actions.poll(Duration.ofMillis(500)));
        }
    }

    private static List<Long> pids(String statusOutput) {
        List<Long> pids = new ArrayList<>();
        Matcher matcher = PID.matcher(statusOutput);
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }
}
