package io.journeyflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void createsJourneyflowTopicsWithTheControlTopicCompacted() throws Exception {
        kafka.createJourneyflowTopics(2, "control", List.of("events", "actions.email"));
        kafka.createJourneyflowTopics(2, "control", List.of("events")); // again: existing topics are left alone

        assertThat(kafka.admin().listTopics().names().get()).contains("control", "events", "actions.email");
        assertThat(kafka.admin().describeTopics(List.of("events")).allTopicNames().get().get("events").partitions())
                .hasSize(2);
        ConfigResource control = new ConfigResource(ConfigResource.Type.TOPIC, "control");
        ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "events");
        Map<ConfigResource, Config> configs = kafka.admin().describeConfigs(List.of(control, events)).all().get();
        assertThat(configs.get(control).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(configs.get(events).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnlyAndTheBrokerIsOnLoopback() throws Exception {
        kafka.createTopics(KafkaTopics.TopicSpec.of("tx", 1));
        assertThat(kafka.bootstrapServers()).matches("(localhost|127\\.0\\.0\\.1):\\d+");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx", "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx", "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(readCommitted("tx")).containsExactly("committed");
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static List<String> readCommitted(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            Collection<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).values().iterator().next();
            Instant deadline = Instant.now().plusSeconds(30);
            while (consumer.position(partitions.iterator().next()) < end && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
