package io.journeyflow.local.generate;

import io.journeyflow.local.kafka.CommandErrors;
import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code journeyctl generate}: reproducible customer events, to a JSON-lines file or a Kafka topic. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates seeded, reproducible customer behaviour (same options, same bytes), streamed in time "
                + "order: any number of customers in little memory, to a file or to Kafka at a target rate.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", defaultValue = "100", description = "Up to 10 million. Default: ${DEFAULT-VALUE}.")
    private int customers;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--end", defaultValue = "2026-12-01T00:00:00Z", paramLabel = "TIME",
            description = "The period ends here (exclusive). Default: ${DEFAULT-VALUE}.")
    private Instant end;

    @Option(names = "--days", defaultValue = "90", description = "Length of the period. Default: ${DEFAULT-VALUE}.")
    private int days;

    @Option(names = "--events", paramLabel = "N", description = "Stop after N events (default: the whole period).")
    private long limit = Long.MAX_VALUE;

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

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S", defaultValue = "0",
            description = "With --kafka: produce at this rate (0: as fast as possible). Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--live", description = "With --kafka: stamp each event with the wall clock as it is produced "
            + "(event time = production time, for live runs and latency measurements).")
    private boolean live;

    @Override
    public Integer call() {
        if (customers < 1 || customers > 10_000_000 || days < 1 || limit < 1) {
            spec.commandLine().getErr().println("journeyctl generate: --customers must be within 1..10000000, "
                    + "--days and --events at least 1");
            return 2;
        }
        if (target.file != null && (rate > 0 || live)) {
            spec.commandLine().getErr().println("journeyctl generate: --rate and --live need --kafka");
            return 2;
        }
        EventGenerator generator = new EventGenerator(EventGenerator.Settings.of(customers, seed, end,
                Duration.ofDays(days)));
        Iterator<CustomerEvent> events = generator.stream();
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        try {
            long count = target.file != null
                    ? EventGenerator.writeJsonLines(events, limit, target.file) : produce(events);
            double seconds = (System.nanoTime() - started) / 1e9;
            stdout.printf("%,d events for %,d customers written to %s in %.1f s (%,.0f events/s)%n", count, customers,
                    target.file != null ? target.file : topic + " on " + target.bootstrapServers, seconds,
                    count / seconds);
        } catch (IOException | RuntimeException e) {
            return CommandErrors.report(spec, e);
        }
        stdout.flush();
        return 0;
    }

    private long produce(Iterator<CustomerEvent> events) {
        RatePacer pacer = new RatePacer(rate);
        long count = 0;
        try (KafkaEventProducer producer = new KafkaEventProducer(target.bootstrapServers, topic)) {
            while (count < limit && events.hasNext()) {
                CustomerEvent event = events.next();
                pacer.awaitTurn();
                if (live) {
                    event.setTs(System.currentTimeMillis());
                }
                producer.send(event);
                count++;
            }
            producer.flush();
        }
        return count;
    }
}
