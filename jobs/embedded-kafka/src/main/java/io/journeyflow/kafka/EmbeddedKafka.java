package io.journeyflow.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) running inside this JVM, for the demo and
 * the tests. Transactions work, so exactly-once sinks and {@code read_committed} readers behave as in production.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** A topic to create; compacted topics keep the last record per key (the journey control topic). */
    public record TopicSpec(String name, int partitions, boolean compacted) {

        public static TopicSpec of(String name, int partitions) {
            return new TopicSpec(name, partitions, false);
        }

        public static TopicSpec compactedTopic(String name, int partitions) {
            return new TopicSpec(name, partitions, true);
        }
    }

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
        List<NewTopic> newTopics = new ArrayList<>();
        for (TopicSpec spec : topics) {
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
            if (spec.compacted()) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            newTopics.add(topic);
        }
        for (var result : admin.createTopics(newTopics).values().values()) {
            try {
                result.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics " + Arrays.toString(topics), e.getCause());
                }
            }
        }
    }

    /**
     * Creates Journeyflow's topics: the journey control topic compacted (only the latest document per journey id
     * matters), every other one plain.
     */
    public void createJourneyflowTopics(int partitions, String controlTopic, List<String> otherTopics)
            throws InterruptedException {
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(TopicSpec.compactedTopic(controlTopic, partitions));
        otherTopics.forEach(name -> specs.add(TopicSpec.of(name, partitions)));
        createTopics(specs.toArray(TopicSpec[]::new));
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
