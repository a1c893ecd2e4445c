package io.journeyflow.local.kafka;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journeyctl tail}: what the job committed to its output topics, one JSON line per record. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Prints the records the job committed (read_committed) to its output topics, as JSON lines.")
public final class TailCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    private String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "An output topic (repeatable). Default: every action topic, actions.<channel>.")
    private List<String> topics;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of the newest.")
    private boolean fromBeginning;

    @Option(names = "--max-idle", paramLabel = "SECONDS",
            description = "Stop once nothing has arrived for this long. Default: run until interrupted.")
    private Integer maxIdleSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> selected = topics == null ? OutputTail.actionTopics() : topics;
        try (OutputTail tail = new OutputTail(bootstrapServers, selected, fromBeginning)) {
            long lastRecord = System.nanoTime();
            while (maxIdleSeconds == null || System.nanoTime() - lastRecord < maxIdleSeconds * 1_000_000_000L) {
                List<String> lines = tail.poll(POLL);
                if (!lines.isEmpty()) {
                    lastRecord = System.nanoTime();
                    lines.forEach(out::println);
                    out.flush();
                }
            }
        } catch (IllegalArgumentException | KafkaException e) {
            return CommandErrors.report(spec, e);
        }
        return 0;
    }
}
