package io.journeyflow.local.simulate;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.JobConfig.WatermarkMode;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.WorkflowSinks;
import io.journeyflow.job.WorkflowSources;
import io.journeyflow.local.json.OutputJson;
import io.journeyflow.schema.DecodedEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the real orchestrator topology ({@link JourneyflowJob#defineWorkflow}) over an events file on a local
 * MiniCluster in streaming mode, with watermarks taken from the events alone and an {@code until} time, then merges
 * the outputs into files that are identical whatever the parallelism.
 */
public final class Simulation {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final Duration QUIET_START = Duration.ofSeconds(3);

    /**
     * @param journeysDir the journeys, loaded by the job at start-up
     * @param policies the contact policy file, or {@code null} for the default policy
     * @param eventsFile JSON lines, one customer event per line
     * @param until deadlines after it never fire; events after it are ignored
     * @param parallelism of every operator
     * @param outDir where actions.jsonl, journey-events.jsonl, dead-letters.jsonl and summary.json go
     */
    public record Options(Path journeysDir, Path policies, Path eventsFile, Instant until, int parallelism,
                          Path outDir) {}

    private final Options options;
    private final PrintWriter console;

    /** @param console where progress lines go while the job runs */
    public Simulation(Options options, PrintWriter console) {
        this.options = options;
        this.console = console;
    }

    /** Runs to the end of the file and writes the outputs; throws if the job fails. */
    public RunSummary run() throws Exception {
        Files.createDirectories(options.outDir());
        Path parts = Files.createTempDirectory("journeyctl-simulate-");
        String runId = parts.toString();
        SimulationProgress progress = SimulationProgress.register(runId);
        try {
            StreamExecutionEnvironment env = environment();
            JourneyflowJob.defineWorkflow(env, jobConfig(parts), sources(runId), sinks(parts, runId));
            JobClient job = env.executeAsync("journeyctl simulate " + options.eventsFile().getFileName());
            awaitEnd(job, progress, Files.size(options.eventsFile()));
            return writeOutputs(parts);
        } finally {
            SimulationProgress.unregister(runId);
            deleteRecursively(parts);
        }
    }

    private StreamExecutionEnvironment environment() {
        Configuration flink = new Configuration();
        // A restart would rewrite the part files from the last checkpoint; a failed simulation should just fail.
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), flink);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        return env;
    }

    /**
     * Checkpoints go to files next to the parts: the default in-memory storage caps state at a few megabytes, and a
     * bounded job with checkpointing waits for a final checkpoint before it may finish.
     */
    private JobConfig jobConfig(Path parts) {
        return JobConfig.builder()
                .watermarkMode(WatermarkMode.DETERMINISTIC)
                .idleAdvance(null)
                .until(options.until())
                .journeysDir(options.journeysDir().toAbsolutePath())
                .policies(options.policies())
                .parallelism(options.parallelism())
                .stateBackend(StateBackendKind.HASHMAP)
                .checkpointDir(parts.resolve("checkpoints").toUri().toString())
                .build();
    }

    private WorkflowSources sources(String runId) {
        JsonLinesEventFormat format = new JsonLinesEventFormat(options.eventsFile().toString(), runId);
        FileSource<DecodedEvent> events = FileSource.forRecordStreamFormat(format,
                new org.apache.flink.core.fs.Path(options.eventsFile().toAbsolutePath().toUri())).build();
        return new WorkflowSources(events, null);
    }

    private static WorkflowSinks sinks(Path parts, String runId) {
        return new WorkflowSinks(
                new JsonLinesSink<>(parts, "actions", OutputJson::action, runId),
                new JsonLinesSink<>(parts, "journey-events", OutputJson::journeyEvent, runId),
                new JsonLinesSink<>(parts, "dead-letters", OutputJson::deadLetter, runId),
                new JsonLinesSink<>(parts, "deployments", OutputJson::deployment, runId),
                new JsonLinesSink<>(parts, "erasures", OutputJson::erasure, runId));
    }

    /** Waits for the job, printing a progress line every few seconds once the run is no longer instant. */
    private void awaitEnd(JobClient job, SimulationProgress progress, long fileSize) throws Exception {
        long started = System.nanoTime();
        while (true) {
            try {
                job.getJobExecutionResult().get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                if (System.nanoTime() - started >= QUIET_START.toNanos()) {
                    long percent = fileSize == 0 ? 100 : 100 * progress.get(SimulationProgress.BYTES) / fileSize;
                    console.printf("progress: %,d lines read (%d%% of file), %,d actions, %,d journey events%n",
                            progress.get(SimulationProgress.LINES), percent, progress.get("actions"),
                            progress.get("journey-events"));
                    console.flush();
                }
            }
        }
    }

    private RunSummary writeOutputs(Path parts) throws IOException {
        Path out = options.outDir();
        List<OutputLine> actions = OutputMerger.merge(parts, "actions", OutputMerger.byTimeThenCustomer("decided_at"),
                out.resolve("actions.jsonl"));
        List<OutputLine> journeyEvents = OutputMerger.merge(parts, "journey-events",
                OutputMerger.byTimeThenCustomer("ts"), out.resolve("journey-events.jsonl"));
        List<OutputLine> deadLetters = OutputMerger.merge(parts, "dead-letters", OutputMerger.bySource(),
                out.resolve("dead-letters.jsonl"));
        List<OutputLine> deployments = OutputMerger.merge(parts, "deployments", OutputMerger.bySource(), null);
        OutputMerger.merge(parts, "erasures", OutputMerger.byTimeThenText("requested_at"),
                out.resolve("erasures.jsonl"));
        RunSummary summary = RunSummary.of(InputStats.scan(options.eventsFile()), deployments,
                journeyEvents, actions, deadLetters);
        Files.writeString(out.resolve("summary.json"), summary.toJson());
        return summary;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
