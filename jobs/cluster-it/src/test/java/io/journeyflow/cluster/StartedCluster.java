package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.cluster.ClusterScripts.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Kafka broker and a Flink cluster that {@code scripts/cluster} starts for one test class (register it as a static
 * extension), on free ports, with its runtime files in {@code target/<name>}; after the class, none of its processes
 * may outlive it.
 */
final class StartedCluster implements BeforeAllCallback, AfterAllCallback {

    static final Path ROOT = Path.of(System.getProperty("journeyflow.root")).toAbsolutePath().normalize();
    static final Path JOB_JAR = Path.of(System.getProperty("journeyflow.jobJar"));
    static final Path JOURNEYS = ROOT.resolve("jobs/local/src/main/resources/journeys");

    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    private final ClusterScripts scripts;
    private final Path home;
    private final Thread stopOnExit;

    /** @param flinkProperties "key=value" settings added to the cluster's Flink configuration */
    StartedCluster(String name, String... flinkProperties) {
        this.home = Path.of("target", name).toAbsolutePath();
        this.scripts = ClusterScripts.onFreePorts(ROOT, home, home.resolveSibling(name + "-scripts"),
                Boolean.getBoolean("journeyflow.mavenOffline"), flinkProperties);
        this.stopOnExit = new Thread(() -> scripts.cluster("stop"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A run that was killed may have left its cluster behind: its recorded processes go first, then its files.
        scripts.cluster("stop");
        scripts.cluster("clean");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long started = System.nanoTime();
        Result start = scripts.cluster("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        System.out.printf("cluster started in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    ClusterScripts scripts() {
        return scripts;
    }

    Path home() {
        return home;
    }

    /**
     * {@code flink run -d [runOptions] JOB_JAR} with the journeys of the walk-through over {@link GeneratedMonth},
     * RocksDB and parallelism 2, event time from the events alone: when events are read again after a restore, or
     * arrive after a pause, the same decisions follow.
     */
    String[] submitCommand(String checkpointInterval, String... runOptions) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(List.of(runOptions));
        args.addAll(List.of(JOB_JAR.toString(),
                "--bootstrap-servers", scripts.bootstrapServers(),
                "--journeys-dir", JOURNEYS.toString(),
                "--watermark-mode", "deterministic",
                "--until", GeneratedMonth.UNTIL.toString(),
                "--state-backend", "rocksdb",
                "--checkpoint-interval", checkpointInterval,
                "--parallelism", "2"));
        return args.toArray(String[]::new);
    }

    /** Stops everything and requires that the three processes {@code status} showed are gone. */
    @Override
    public void afterAll(ExtensionContext context) {
        List<Long> pids = pids(scripts.cluster("status").output());
        Result stop = scripts.cluster("stop");
        Runtime.getRuntime().removeShutdownHook(stopOnExit);

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(pids).as("kafka, jobmanager, taskmanager").hasSize(3);
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(scripts.cluster("status").output()).contains("kafka        stopped", "jobmanager   stopped");
    }

    /** The PIDs that {@code scripts/cluster status} printed. */
    static List<Long> pids(String statusOutput) {
        List<Long> pids = new ArrayList<>();
        Matcher matcher = PID.matcher(statusOutput);
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }
}
