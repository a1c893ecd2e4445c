package io.journeyflow.job;

import io.journeyflow.kafka.EmbeddedKafka;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One in-process broker for all tests of a class: {@code @RegisterExtension static final KafkaExtension KAFKA}. */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafka kafka;
    private KafkaTestIO io;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka = EmbeddedKafka.start();
        io = new KafkaTestIO(kafka.bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        kafka.close();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public KafkaTestIO io() {
        return io;
    }
}
