package io.journeyflow.local.demo;

import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.job.JobConfig;
import io.journeyflow.local.JourneyDirectory;
import io.journeyflow.local.generate.EventGenerator;
import io.journeyflow.local.generate.KafkaEventProducer;
import io.journeyflow.local.simulate.InputStats;
import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the demo feeds the job: journey documents on the control topic, then events (and some garbage). */
public final class DemoInputs implements AutoCloseable {

    /** Refers to a step that does not exist: the job must answer "rejected" with the reason, and carry on. */
    private static final String BROKEN_JOURNEY = """
            id: broken-demo
            version: 1
            entry: {event: page_view}
            steps:
              - {id: nudge, action: {channel: email, template: hello}, next: nowhere}
            """;

    private final JobConfig config;
    private final KafkaProducer<String, String> control;
    private final KafkaEventProducer events;
    private final InputStats.Tally stats = new InputStats.Tally();

    public DemoInputs(JobConfig config) {
        this.config = config;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        this.control = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        this.events = new KafkaEventProducer(config.bootstrapServers(), config.eventsTopic());
    }

    /** Publishes the sample journeys and the broken one; returns how many documents were sent. */
    public int deployJourneys() throws IOException {
        JourneyCompiler compiler = new JourneyCompiler();
        Map<String, String> documents = new LinkedHashMap<>();
        for (String text : JourneyDirectory.readResource("/journeys").values()) {
            documents.put(compiler.compile(text).journeyId(), text);
        }
        documents.put("broken-demo", BROKEN_JOURNEY);
        documents.forEach((id, text) -> control.send(new ProducerRecord<>(config.journeysTopic(), id, text)));
        control.flush();
        return documents.size();
    }

    /** Records that are not events: each must come back as a dead letter, and the job must keep running. */
    public void sendGarbage() {
        byte[] key = "c-garbage".getBytes(StandardCharsets.UTF_8);
        events.sendRaw(key, "{\"this\": \"is JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8));
        events.sendRaw(key, new byte[] {(byte) 0xFF, 0x00, 0x13});
        events.sendRaw(key, null);
        for (int i = 0; i < 3; i++) {
            stats.invalid();
        }
    }

    /** Generated history for {@code customers}, ending at {@code end}. */
    public void sendEvents(int customers, Instant end, Duration history) {
        EventGenerator generator = new EventGenerator(EventGenerator.Settings.of(customers, 42, end, history));
        for (CustomerEvent event : generator.events()) {
            events.send(event);
            stats.event(event);
        }
        events.flush();
    }

    public InputStats stats() {
        return stats.result();
    }

    @Override
    public void close() {
        control.close();
        events.close();
    }
}
