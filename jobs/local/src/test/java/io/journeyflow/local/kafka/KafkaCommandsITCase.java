package io.journeyflow.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.local.JourneyCtl;
import io.journeyflow.local.json.OutputJson;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code journeyctl topics}, {@code send} and {@code tail} against a real (embedded) Kafka broker. */
class KafkaCommandsITCase {

    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        assertThat(run("topics", "--kafka", kafka.bootstrapServers(), "--partitions", "2").exit()).isZero();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void topicsCreatesTheJobsTopicsOnceWithTheControlTopicCompacted() throws Exception {
        Output again = run("topics", "--kafka", kafka.bootstrapServers());

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("created 0 topic(s)", "already there: journey-definitions, customer-events");
        assertThat(kafka.admin().listTopics().names().get()).contains("customer-events", "journey-definitions",
                "journey-events", "journey-deployments", "dead-letters", "actions.email", "actions.webhook");
        ConfigResource control = new ConfigResource(ConfigResource.Type.TOPIC, "journey-definitions");
        assertThat(kafka.admin().describeConfigs(List.of(control)).all().get().get(control)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
    }

    @Test
    void sendProducesEveryEventOfTheFileAsAvroKeyedByCustomer() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), """
                {"event_id": "s-1", "customer_id": "c-1", "type": "signup", "ts": "2026-11-02T10:00:00Z"}

                {"event_id": "s-2", "customer_id": "c-2", "type": "cart_updated", "ts": "2026-11-02T10:01:00Z", \
                "properties": {"cart_value": 12.5}}
                """);

        Output sent = run("send", "--kafka", kafka.bootstrapServers(), "--events", events.toString());

        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("2 events sent to customer-events");
        assertThat(readAll("customer-events", 2)).extracting(r -> new String(r.key()) + " "
                        + AvroCodec.of(CustomerEvent.class).decode(r.value()).getEventId())
                .containsExactlyInAnyOrder("c-1 s-1", "c-2 s-2");
    }

    @Test
    void generateProducesExactlyTheRequestedEventsStampedWithTheWallClockWhenLive() throws Exception {
        long before = System.currentTimeMillis();

        Output generated = run("generate", "--kafka", kafka.bootstrapServers(), "--topic", "journey-events",
                "--customers", "300", "--events", "1500", "--rate", "5000", "--live");

        long after = System.currentTimeMillis();
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("1,500 events for 300 customers written to journey-events");
        List<CustomerEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll("journey-events", 1500)) {
            events.add(AvroCodec.of(CustomerEvent.class).decode(record.value()));
        }
        assertThat(events).extracting(CustomerEvent::getTs).allSatisfy(ts -> assertThat(ts).isBetween(before, after));
        assertThat(events).extracting(CustomerEvent::getType).contains("page_view", "cart_updated");
    }

    @Test
    void sendRefusesAFileWithABadLineNamingItAndSendsNothing() throws Exception {
        Path events = Files.writeString(dir.resolve("bad.jsonl"), """
                {"event_id": "b-1", "customer_id": "c-1", "type": "signup", "ts": "2026-11-02T10:00:00Z"}
                {"event_id": "b-2", "customerId": "c-1", "type": "signup", "ts": "2026-11-02T10:00:00Z"}
                """);

        Output refused = run("send", "--kafka", kafka.bootstrapServers(), "--events", events.toString(),
                "--topic", "dead-letters");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).startsWith("journeyctl send: " + events + ", line 2: unknown field "
                + "'customerId'").doesNotContain("\n");
        assertThat(readAll("dead-letters", 0)).isEmpty();
    }

    @Test
    void tailPrintsCommittedActionsOnlyAsJsonLines() throws Exception {
        Action committed = action("a-committed");
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(action("a-aborted")));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(record(committed));
            producer.commitTransaction();
        }

        Output tail = run("tail", "--kafka", kafka.bootstrapServers(), "--from-beginning", "--max-idle", "2");

        assertThat(tail.exit()).as(tail.err()).isZero();
        assertThat(tail.out().lines()).containsExactly(OutputJson.action(committed));
    }

    @Test
    void tailRefusesATopicTheJobDoesNotWriteInOneLine() {
        Output refused = run("tail", "--kafka", kafka.bootstrapServers(), "--topic", "customer-events");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).startsWith("journeyctl tail: not an output topic of the job: "
                + "customer-events (known: actions.email,").doesNotContain("\n");
    }

    private record Output(int exit, String out, String err) {
    }

    private static Output run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JourneyCtl.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Output(exit, out.toString(), err.toString());
    }

    private static Action action(String id) {
        return Action.newBuilder().setActionId(id).setCustomerId("c-9").setJourneyId("j").setJourneyVersion(1)
                .setInstanceId("i").setStepId("s").setChannel("email").setTemplate("t").setCategory("promotional")
                .setPayload(Map.of()).setDecidedAt(0L).setVariant(null).setReason("test").build();
    }

    private static ProducerRecord<byte[], byte[]> record(Action action) {
        return new ProducerRecord<>("actions.email", action.getCustomerId().getBytes(),
                AvroCodec.of(Action.class).encode(action));
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kafka-commands-test");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Every record of the topic, once {@code expected} of them have arrived (or after the poll deadline). */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(expected);
        return records;
    }
}
