package io.journeyflow.local.kafka;

import io.journeyflow.local.generate.KafkaEventProducer;
import io.journeyflow.local.json.EventJson;
import io.journeyflow.local.json.InvalidEventException;
import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code journeyctl send}: customer events from a JSON-lines file to Kafka, in file order, as the production feed
 * writes them. The whole file is checked first: one bad line and nothing is sent.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Sends the customer events of a JSON-lines file to Kafka (Avro binary, key = customer id).")
public final class SendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    private String bootstrapServers;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "One JSON event per line.")
    private Path events;

    @Option(names = "--topic", defaultValue = "customer-events", description = "Default: ${DEFAULT-VALUE}.")
    private String topic;

    @Override
    public Integer call() {
        List<CustomerEvent> parsed;
        try {
            parsed = read(events);
        } catch (IOException | InvalidEventException e) {
            return CommandErrors.report(spec, e);
        }
        try (KafkaEventProducer producer = new KafkaEventProducer(bootstrapServers, topic)) {
            parsed.forEach(producer::send);
            producer.flush();
        } catch (KafkaException e) {
            return CommandErrors.report(spec, e);
        }
        spec.commandLine().getOut().printf("%,d events sent to %s on %s%n", parsed.size(), topic, bootstrapServers);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static List<CustomerEvent> read(Path file) throws IOException, InvalidEventException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no events file " + file);
        }
        List<CustomerEvent> parsed = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                parsed.add(EventJson.parse(line));
            } catch (InvalidEventException e) {
                throw new InvalidEventException(file + ", line " + number + ": " + e.getMessage());
            }
        }
        return parsed;
    }
}
