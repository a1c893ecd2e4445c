package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.local.JourneyCtl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code journeyctl} commands run in this JVM, exactly as {@code scripts/journeyctl} runs them. */
final class JourneyCtlCommands {

    private JourneyCtlCommands() {
    }

    /** {@code journeyctl topics}: the job's topics, one partition per parallel source reader. */
    static void createTopics(String bootstrapServers, int partitions) {
        run("topics", "--kafka", bootstrapServers, "--partitions", String.valueOf(partitions));
    }

    /** What {@code journeyctl simulate} wrote: canonical JSON lines, sorted. */
    record Simulated(List<String> actions, List<String> journeyEvents) {
    }

    /** {@code journeyctl simulate}: the same job over the same events in one uninterrupted run on a local Flink. */
    static Simulated simulate(Path journeys, Path events, Instant until, Path out) {
        run("simulate", "--journeys", journeys.toString(), "--events", events.toString(), "--until", until.toString(),
                "--parallelism", "2", "--out", out.toString());
        try {
            return new Simulated(Files.readAllLines(out.resolve("actions.jsonl")),
                    Files.readAllLines(out.resolve("journey-events.jsonl")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... args) {
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int exit = JourneyCtl.commandLine().setOut(writer).setErr(writer).execute(args);
        writer.flush();
        System.out.print(output);
        assertThat(exit).as("journeyctl %s:%n%s", String.join(" ", args), output).isZero();
    }
}
