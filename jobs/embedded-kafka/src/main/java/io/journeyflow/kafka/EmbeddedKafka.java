package io.journeyflow.kafka;

import io.journeyflow.kafka.KafkaTopics.TopicSpec;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) running inside this JVM, for the demo and
 * the tests. Transactions work, so exactly-once sinks and {@code read_committed} readers behave as in production.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        this.admin = Admin.create(adminProperties);
    }

    /** Starts a broker on a free port of the loopback interface and waits until it accepts clients. */
    public static EmbeddedKafka start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        // A single broker can never satisfy the default replication of the internal topics: without these, the
        // first consumer group or transaction would hang waiting for replicas that do not exist.
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code host:port} of the broker, for clients. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(TopicSpec... topics) throws InterruptedException {
        KafkaTopics.create(admin, List.of(topics), Optional.of((short) 1));
    }

    /** Creates Journeyflow's topics ({@link KafkaTopics#journeyflowTopics}). */
    public void createJourneyflowTopics(int partitions, String controlTopic, List<String> otherTopics)
            throws InterruptedException {
        KafkaTopics.create(admin, KafkaTopics.journeyflowTopics(partitions, controlTopic, otherTopics),
                Optional.of((short) 1));
    }

    /** An admin client for the broker; owned by this object, do not close it. */
    public Admin admin() {
        return admin;
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close();
        } finally {
            cluster.close();
        }
    }
}
