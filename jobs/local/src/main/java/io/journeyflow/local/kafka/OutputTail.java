package io.journeyflow.local.kafka;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.local.json.OutputJson;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the job's output topics as a downstream consumer does: {@code read_committed}, so only what the exactly-once
 * sinks committed at a checkpoint, every record as its canonical JSON line ({@link OutputJson}). Topics are known
 * by Journeyflow's default names; no consumer group, nothing committed back.
 */
public final class OutputTail implements AutoCloseable {

    private static final JobConfig NAMES = JobConfig.defaults();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroCodec<Action> actions = AvroCodec.of(Action.class);
    private final AvroCodec<JourneyEvent> journeyEvents = AvroCodec.of(JourneyEvent.class);
    private final AvroCodec<DeadLetter> deadLetters = AvroCodec.of(DeadLetter.class);
    private final AvroCodec<JourneyDeployment> deployments = AvroCodec.of(JourneyDeployment.class);

    /** @throws IllegalArgumentException if a topic is not one of the job's outputs or does not exist */
    public OutputTail(String bootstrapServers, List<String> topics, boolean fromBeginning) {
        topics.forEach(OutputTail::requireOutputTopic);
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("no topic " + topic + " on " + bootstrapServers);
                }
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Every action topic, {@code actions.<channel>}. */
    public static List<String> actionTopics() {
        return NAMES.actionTopics();
    }

    /** The records that arrive within {@code timeout}, as JSON lines in arrival order. */
    public List<String> poll(Duration timeout) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            lines.add(decode(record));
        }
        return lines;
    }

    /** Everything committed up to now (the end offsets, which read_committed places at the last stable offset). */
    public List<String> readToEnd(Duration timeout) throws IOException, TimeoutException {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("did not reach the end offsets " + end + " within " + timeout);
            }
            lines.addAll(poll(Duration.ofMillis(200)));
        }
        return lines;
    }

    private String decode(ConsumerRecord<byte[], byte[]> record) throws IOException {
        String topic = record.topic();
        if (topic.startsWith(NAMES.actionTopicPrefix())) {
            return OutputJson.action(actions.decode(record.value()));
        } else if (topic.equals(NAMES.journeyEventsTopic())) {
            return OutputJson.journeyEvent(journeyEvents.decode(record.value()));
        } else if (topic.equals(NAMES.deadLettersTopic())) {
            return OutputJson.deadLetter(deadLetters.decode(record.value()));
        }
        return OutputJson.deployment(deployments.decode(record.value()));
    }

    private static void requireOutputTopic(String topic) {
        if (!actionTopics().contains(topic) && !List.of(NAMES.journeyEventsTopic(), NAMES.deadLettersTopic(),
                NAMES.deploymentsTopic()).contains(topic)) {
            throw new IllegalArgumentException("not an output topic of the job: " + topic + " (known: "
                    + String.join(", ", actionTopics()) + ", " + NAMES.journeyEventsTopic() + ", "
                    + NAMES.deadLettersTopic() + ", " + NAMES.deploymentsTopic() + ")");
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
