package io.journeyflow.local.generate;

import io.journeyflow.schema.CustomerEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code journeyctl generate}: reproducible customer events, to a JSON-lines file or a Kafka topic. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates seeded, reproducible customer events that exercise the sample journeys.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", defaultValue = "100", description = "Default: ${DEFAULT-VALUE}.")
    private int customers;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--end", defaultValue = "2026-12-01T00:00:00Z", paramLabel = "TIME",
            description = "The period ends here (exclusive). Default: ${DEFAULT-VALUE}.")
    private Instant end;

    @Option(names = "--days", defaultValue = "90", description = "Length of the period. Default: ${DEFAULT-VALUE}.")
    private int days;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "FILE", description = "Write JSON lines to this file.")
        Path file;

        @Option(names = "--kafka", paramLabel = "HOST:PORT",
                description = "Produce to Kafka (Avro binary, key = customer id).")
        String bootstrapServers;
    }

    @Option(names = "--topic", defaultValue = "customer-events",
            description = "With --kafka. Default: ${DEFAULT-VALUE}.")
    private String topic;

    @Override
    public Integer call() throws Exception {
        EventGenerator generator =
                new EventGenerator(EventGenerator.Settings.of(customers, seed, end, Duration.ofDays(days)));
        PrintWriter stdout = spec.commandLine().getOut();
        if (target.file != null) {
            int lines = generator.writeJsonLines(target.file);
            stdout.printf("%,d events for %,d customers written to %s%n", lines, customers, target.file);
        } else {
            List<CustomerEvent> events = generator.events();
            try (KafkaEventProducer producer = new KafkaEventProducer(target.bootstrapServers, topic)) {
                events.forEach(producer::send);
                producer.flush();
            }
            stdout.printf("%,d events for %,d customers produced to %s on %s%n", events.size(), customers, topic,
                    target.bootstrapServers);
        }
        stdout.flush();
        return 0;
    }
}
