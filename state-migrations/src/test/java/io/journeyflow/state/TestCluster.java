package io.journeyflow.state;

import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.kafka.EmbeddedKafka;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the ITCases run on: a MiniCluster with two slots (parallelism 2), and a Kafka broker per test class. */
public final class TestCluster {

    private TestCluster() {
    }

    public static MiniClusterExtension flink() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }

    /** The embedded broker, started before the class's tests and closed after them. */
    public static final class Kafka implements BeforeAllCallback, AfterAllCallback {

        private EmbeddedKafka broker;
        private KafkaTestIO io;

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            broker = EmbeddedKafka.start();
            io = new KafkaTestIO(broker.bootstrapServers());
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            broker.close();
        }

        public EmbeddedKafka broker() {
            return broker;
        }

        public KafkaTestIO io() {
            return io;
        }
    }
}
