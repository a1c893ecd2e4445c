package io.journeyflow.local.demo;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.local.json.OutputJson;
import io.journeyflow.local.simulate.InputStats;
import io.journeyflow.local.simulate.OutputLine;
import io.journeyflow.local.simulate.RunSummary;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what the job publishes, as a downstream consumer would ({@code read_committed}: only what the exactly-once
 * sinks committed at a checkpoint), prints actions, answers and dead letters as they appear, and keeps every record
 * as a canonical line for the closing summary.
 */
public final class OutputWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final JobConfig config;
    private final PrintStream console;
    private final AvroCodec<Action> actions = AvroCodec.of(Action.class);
    private final AvroCodec<JourneyEvent> journeyEvents = AvroCodec.of(JourneyEvent.class);
    private final AvroCodec<DeadLetter> deadLetters = AvroCodec.of(DeadLetter.class);
    private final AvroCodec<JourneyDeployment> deployments = AvroCodec.of(JourneyDeployment.class);
    private final List<OutputLine> actionLines = new ArrayList<>();
    private final List<OutputLine> journeyEventLines = new ArrayList<>();
    private final List<OutputLine> deadLetterLines = new ArrayList<>();
    private final List<OutputLine> deploymentLines = new ArrayList<>();
    private long lastRecordAt = System.nanoTime();

    public OutputWatcher(JobConfig config, PrintStream console) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.config = config;
        this.console = console;
        List<String> topics = new ArrayList<>(config.actionTopics());
        topics.addAll(List.of(config.journeyEventsTopic(), config.deadLettersTopic(), config.deploymentsTopic()));
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds; false if {@code timeout} passed first. */
    public boolean pollUntil(BooleanSupplier done, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pollOnce();
        }
        return true;
    }

    public int deploymentAnswers() {
        return deploymentLines.size();
    }

    /** Everything seen so far, summed up like a simulation's outputs. */
    public RunSummary summary(InputStats input) {
        return RunSummary.of(input, deploymentLines, journeyEventLines, actionLines, deadLetterLines);
    }

    /** Nothing new has appeared for this long. */
    public boolean quietFor(Duration quiet) {
        return System.nanoTime() - lastRecordAt >= quiet.toNanos();
    }

    private void pollOnce() throws IOException {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            lastRecordAt = System.nanoTime();
            String topic = record.topic();
            if (topic.equals(config.journeyEventsTopic())) {
                journeyEventLines.add(OutputLine.parse(OutputJson.journeyEvent(journeyEvents.decode(record.value()))));
            } else if (topic.equals(config.deploymentsTopic())) {
                JourneyDeployment answer = deployments.decode(record.value());
                deploymentLines.add(OutputLine.parse(OutputJson.deployment(answer)));
                console.printf("deployment  %-20s v%-3s %s %s%n", answer.getJourneyId(),
                        answer.getVersion() == null ? "-" : answer.getVersion(), answer.getStatus(),
                        answer.getErrors().isEmpty() ? "" : answer.getErrors());
            } else if (topic.equals(config.deadLettersTopic())) {
                DeadLetter letter = deadLetters.decode(record.value());
                deadLetterLines.add(OutputLine.parse(OutputJson.deadLetter(letter)));
                console.printf("dead letter %s/%d@%d: %s: %s%n", letter.getSourceTopic(), letter.getPartition(),
                        letter.getOffset(), letter.getErrorClass(), letter.getErrorMessage());
            } else {
                Action action = actions.decode(record.value());
                actionLines.add(OutputLine.parse(OutputJson.action(action)));
                console.printf("action      %-12s %-7s %-40s %-28s %s%n", action.getChannel(), action.getCustomerId(),
                        action.getJourneyId() + "/" + action.getStepId(), action.getTemplate(),
                        Instant.ofEpochMilli(action.getDecidedAt()));
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
