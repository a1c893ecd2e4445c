package io.journeyflow.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Journeyflow's topics on a broker, the embedded one or a real cluster ({@code journeyctl topics}): the
 * journey control topic compacted (only the latest document per journey id matters), every other one plain.
 */
public final class KafkaTopics {

    /** A topic to create; compacted topics keep the last record per key (the journey control topic). */
    public record TopicSpec(String name, int partitions, boolean compacted) {

        public static TopicSpec of(String name, int partitions) {
            return new TopicSpec(name, partitions, false);
        }

        public static TopicSpec compactedTopic(String name, int partitions) {
            return new TopicSpec(name, partitions, true);
        }
    }

    private KafkaTopics() {
    }

    /** The control topic compacted, the others plain, all with the same number of partitions. */
    public static List<TopicSpec> journeyflowTopics(int partitions, String controlTopic, List<String> otherTopics) {
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(TopicSpec.compactedTopic(controlTopic, partitions));
        otherTopics.forEach(name -> specs.add(TopicSpec.of(name, partitions)));
        return specs;
    }

    /**
     * Creates the topics that do not exist yet and leaves existing ones as they are; returns the names of those it
     * created. {@code replicationFactor} empty: the broker's default.
     */
    public static List<String> create(Admin admin, List<TopicSpec> topics, Optional<Short> replicationFactor)
            throws InterruptedException {
        List<NewTopic> newTopics = new ArrayList<>();
        for (TopicSpec spec : topics) {
            NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), replicationFactor);
            if (spec.compacted()) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            newTopics.add(topic);
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
        List<String> created = new ArrayList<>();
        for (TopicSpec spec : topics) {
            try {
                results.get(spec.name()).get();
                created.add(spec.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + spec.name() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return created;
    }
}
