package io.journeyflow.local.simulate;

import io.journeyflow.job.control.PolicyFile;
import io.journeyflow.local.JourneyDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code journeyctl simulate}: the real job over an events file, outputs identical at any parallelism. Exit codes: 0
 * done, 1 failed (no events file, job failure), 2 invalid journeys or options (nothing ran).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs the orchestrator job over a JSON-lines events file and writes its outputs to a folder.")
public final class SimulateCommand implements Callable<Integer> {

    /** Exit code when a journey document or the policy file is invalid (nothing ran). */
    public static final int INVALID_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--journeys", required = true, paramLabel = "DIR", description = "Folder of journey documents.")
    private Path journeys;

    @Option(names = "--policies", paramLabel = "FILE",
            description = "Contact policy file (caps, quiet hours, suppressions); default: consent only.")
    private Path policies;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events, one JSON object per line.")
    private Path events;

    @Option(names = "--until", required = true, paramLabel = "TIME",
            description = "ISO-8601 instant: later deadlines never fire, later events are ignored.")
    private Instant until;

    @Option(names = "--parallelism", defaultValue = "1", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private int parallelism;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the output files go.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<String> problems = JourneyDirectory.validate(journeys);
        if (!problems.isEmpty()) {
            stderr.println("invalid journeys in " + journeys + ", nothing was run:");
            problems.forEach(problem -> stderr.println("  " + problem));
            stderr.flush();
            return INVALID_INPUT;
        }
        if (policies != null) {
            try {
                PolicyFile.read(policies);
            } catch (IllegalArgumentException e) {
                stderr.println("invalid policy file, nothing was run: " + e.getMessage());
                stderr.flush();
                return INVALID_INPUT;
            }
        }
        if (!Files.isRegularFile(events)) {
            stderr.println("no events file " + events);
            stderr.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        long started = System.nanoTime();
        RunSummary summary = new Simulation(
                new Simulation.Options(journeys, policies, events, until, parallelism, out), stdout).run();
        stdout.print(summary.toText());
        stdout.printf("outputs in %s (%.1f s)%n", out,
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        stdout.flush();
        return 0;
    }
}
