package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.cluster.ClusterScripts.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kafka broker and a Flink cluster that {@code scripts/cluster} starts for one test class, on free ports, with its
 * runtime files in {@code target/<name>}; {@link #stop} requires that none of its processes outlives it.
 */
final class StartedCluster {

    static final Path ROOT = Path.of(System.getProperty("journeyflow.root")).toAbsolutePath().normalize();
    static final Path JOB_JAR = Path.of(System.getProperty("journeyflow.jobJar"));
    static final Path JOURNEYS = ROOT.resolve("jobs/local/src/main/resources/journeys");

    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    private final ClusterScripts scripts;
    private final Path home;
    private final Thread stopOnExit;

    private StartedCluster(ClusterScripts scripts, Path home) {
        this.scripts = scripts;
        this.home = home;
        this.stopOnExit = new Thread(() -> scripts.cluster("stop"));
    }

    /** Starts the cluster; {@code flinkProperties} ("key=value") adjust the cluster's Flink configuration. */
    static StartedCluster start(String name, String... flinkProperties) {
        Path home = Path.of("target", name).toAbsolutePath();
        ClusterScripts scripts = ClusterScripts.onFreePorts(ROOT, home, home.resolveSibling(name + "-scripts"),
                Boolean.getBoolean("journeyflow.mavenOffline"), flinkProperties);
        // A run that was killed may have left its cluster behind: its recorded processes go first, then its files.
        scripts.cluster("stop");
        scripts.cluster("clean");
        StartedCluster cluster = new StartedCluster(scripts, home);
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        long started = System.nanoTime();
        Result start = scripts.cluster("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        System.out.printf("cluster started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return cluster;
    }

    ClusterScripts scripts() {
        return scripts;
    }

    Path home() {
        return home;
    }

    /** Stops everything and requires that the three processes {@code status} showed are gone. */
    void stop() {
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
