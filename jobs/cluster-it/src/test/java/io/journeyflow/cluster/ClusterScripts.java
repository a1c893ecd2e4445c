package io.journeyflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code scripts/cluster} and {@code scripts/flink} as a user would, against one cluster home and a set of free
 * ports of the loopback interface, and echoes what they print to the build log.
 */
final class ClusterScripts {

    /** What a script printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {
    }

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern JOB_ID = Pattern.compile("submitted with JobID ([0-9a-f]{32})");
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");

    private final Path root;
    private final Path outputDir;
    private final Map<String, String> environment;
    private final int kafkaPort;
    private final int restPort;
    private int runs;

    private ClusterScripts(Path root, Path outputDir, Map<String, String> environment, int kafkaPort, int restPort) {
        this.root = root;
        this.outputDir = outputDir;
        this.environment = environment;
        this.kafkaPort = kafkaPort;
        this.restPort = restPort;
    }

    /**
     * Scripts for a cluster whose runtime files live in {@code home}, every port a free one; what each script prints
     * is kept in {@code outputDir}. The cluster's memory is Flink's defaults rather than the production sizes of
     * flink-conf: this machine is shared with builds. {@code flinkProperties} ("key=value") are added to the
     * cluster's Flink configuration.
     */
    static ClusterScripts onFreePorts(Path root, Path home, Path outputDir, boolean mavenOffline,
                                      String... flinkProperties) {
        int[] ports = freePorts(6);
        Map<String, String> environment = Map.of(
                "JOURNEYFLOW_CLUSTER_HOME", home.toString(),
                "JOURNEYFLOW_KAFKA_PORT", String.valueOf(ports[0]),
                "JOURNEYFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(ports[1]),
                "JOURNEYFLOW_FLINK_REST_PORT", String.valueOf(ports[2]),
                "JOURNEYFLOW_FLINK_RPC_PORT", String.valueOf(ports[3]),
                "JOURNEYFLOW_PROMETHEUS_PORTS", ports[4] + "," + ports[5],
                // Checkpoints are what make actions visible: no pause between them, to keep the test short.
                "JOURNEYFLOW_FLINK_PROPERTIES", String.join(" ", "taskmanager.memory.process.size=1728m",
                        "jobmanager.memory.process.size=1024m", "execution.checkpointing.min-pause=0s",
                        String.join(" ", flinkProperties)).strip(),
                "MVN", mavenOffline ? "mvn -B -o" : "mvn -B");
        return new ClusterScripts(root, outputDir, environment, ports[0], ports[2]);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    int restPort() {
        return restPort;
    }

    /** {@code scripts/cluster ARGS}. */
    Result cluster(String... args) {
        return run("scripts/cluster", args);
    }

    /** {@code scripts/flink ARGS}; fails unless it exits with 0. */
    String flink(String... args) {
        Result result = run("scripts/flink", args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("scripts/flink " + String.join(" ", args) + " exited with "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /** The job id that {@code flink run -d} printed. */
    static String jobId(String runOutput) {
        return find(JOB_ID, runOutput, "a job id");
    }

    /** The savepoint path that {@code flink stop} printed. */
    static String savepointPath(String stopOutput) {
        return find(SAVEPOINT, stopOutput, "a savepoint path");
    }

    private static String find(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + what + " in:\n" + output);
        }
        return matcher.group(1);
    }

    private Result run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        System.out.println("$ " + String.join(" ", command));
        try {
            Files.createDirectories(outputDir);
            Path log = outputDir.resolve(String.format("%02d-%s-%s.log", ++runs, Path.of(script).getFileName(), args[0]));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean ended = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.print(output);
            if (!ended) {
                throw new IllegalStateException(script + " did not end within " + SCRIPT_TIMEOUT + ":\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The port is released either way.
                }
            }
        }
    }
}
