package io.journeyflow.job.events;

import static io.journeyflow.job.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestConfigs;
import io.journeyflow.job.TestJobs;
import io.journeyflow.job.serde.AvroCodec;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.JourneyDeployment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never kills the job and never vanishes: seeded garbage of every kind is thrown at the real job (no
 * restarts allowed), and every record must come out either as the one action a valid "ping" causes, or as a dead
 * letter carrying its original bytes. The counts must add up exactly.
 */
class BadInputFuzzITCase {

    private static final String ECHO = """
            id: echo
            version: 1
            entry: {event: ping}
            steps: [{id: pong, action: {channel: webhook, template: pong}}]
            """;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, TestJobs.noRestarts());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir
    Path journeys;

    private final Random random = new Random(2026);
    private final AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final List<String> pingCustomers = new ArrayList<>();
    private final List<ByteBuffer> mustBeDeadLetters = new ArrayList<>();
    private int next;

    @Test
    void everyRecordIsEitherActedOnOrADeadLetterAndTheJobNeverFails() throws Exception {
        JobConfig config = TestConfigs.namespaced(KAFKA.kafka().bootstrapServers(), "fuzz")
                .journeysDir(TestConfigs.writeJourneys(journeys, ECHO)).build();
        KAFKA.kafka().createJourneyflowTopics(2, config.journeysTopic(), config.plainTopics());
        for (int i = 0; i < 200; i++) {
            ping("c-" + (i % 40), T0 + i * 1_000L, Map.of("n", (long) i));
        }
        Map<String, Object> huge = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            huge.put("key-" + i, i % 2 == 0 ? (Object) ("value-" + i) : (Object) (double) i);
        }
        for (int i = 0; i < 5; i++) {
            ping("big-" + i, T0, huge);
        }
        ping("ancient", Instant.parse("1000-01-01T00:00:00Z").toEpochMilli(), Map.of());
        ping("x".repeat(10_000), T0, Map.of());
        ping("🙂\u0000\u200b\n\t ü", T0, Map.of());
        for (int i = 0; i < 100; i++) {
            byte[] noise = new byte[1 + random.nextInt(300)];
            random.nextBytes(noise);
            if (!decodesCompletely(noise)) {
                bad(noise);
            }
        }
        for (int i = 0; i < 100; i++) {
            byte[] whole = codec.encode(event("t-" + i, "c-1", "ping", T0));
            bad(Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1)));
            byte[] flipped = whole.clone();
            flipped[0] ^= 1; // the event id's length: zigzag's low bit makes it negative
            bad(flipped);
        }
        for (int i = 0; i < 20; i++) {
            byte[] other = AvroCodec.of(JourneyDeployment.class).encode(new JourneyDeployment("j-" + i, i,
                    DeploymentStatus.accepted, List.of(), "elsewhere", 0, (long) i));
            if (!decodesCompletely(other)) {
                bad(other);
            }
        }
        bad(codec.encode(event("blank-1", "", "ping", T0)));
        bad(codec.encode(event("blank-2", "   ", "ping", T0)));
        bad(codec.encode(event("", "c-1", "ping", T0)));
        bad(codec.encode(event("future", "c-1", "ping", Instant.parse("3000-01-01T00:00:00Z").toEpochMilli())));
        bad(null);
        Collections.shuffle(records, random);
        KAFKA.io().send(records);

        JobClient job = TestJobs.start(config);
        List<Action> actions;
        try {
            actions = KAFKA.io().awaitActions(config,
                    TestJobs.whileRunning(job, a -> a.size() >= pingCustomers.size()));
        } catch (AssertionError incomplete) {
            throw new AssertionError(whatIsMissing(config), incomplete);
        }
        List<DeadLetter> letters = KafkaTestIO.await("a dead letter for every bad record", TestJobs.WAIT,
                () -> KAFKA.io().readCommitted(List.of(config.deadLettersTopic()), DeadLetter.class),
                TestJobs.whileRunning(job, l -> l.size() >= mustBeDeadLetters.size()));
        TestJobs.cancel(job);

        assertThat(actions).extracting(Action::getCustomerId).containsExactlyInAnyOrderElementsOf(pingCustomers);
        assertThat(letters).hasSize(mustBeDeadLetters.size()).allSatisfy(letter -> {
            assertThat(letter.getErrorClass()).isNotBlank();
            assertThat(letter.getErrorMessage()).isNotBlank();
            assertThat(letter.getSourceTopic()).isEqualTo(config.eventsTopic());
        });
        assertThat(letters).extracting(DeadLetter::getOriginalBytes)
                .containsExactlyInAnyOrderElementsOf(mustBeDeadLetters);
    }

    /** Which pings have no action, and which dead letters no bad record explains (the engine's refusals). */
    private String whatIsMissing(JobConfig config) {
        List<String> missing = new ArrayList<>(pingCustomers);
        KAFKA.io().readCommitted(config.actionTopics(), Action.class).forEach(a -> missing.remove(a.getCustomerId()));
        List<String> unexplained = KAFKA.io().readCommitted(List.of(config.deadLettersTopic()), DeadLetter.class)
                .stream().filter(letter -> !mustBeDeadLetters.contains(letter.getOriginalBytes()))
                .map(letter -> letter.getErrorClass() + ": " + letter.getErrorMessage()).toList();
        return "no action for " + missing.stream().map(id -> id.length() > 40 ? id.substring(0, 40) + "..." : id)
                .toList() + "; unexplained dead letters: " + unexplained;
    }

    private void ping(String customer, long ts, Map<String, Object> properties) {
        CustomerEvent event = event("ping-" + next++, customer, "ping", ts);
        event.setProperties(properties);
        pingCustomers.add(customer);
        records.add(new ProducerRecord<>("fuzz.customer-events", KafkaTestIO.utf8(customer), codec.encode(event)));
    }

    private void bad(byte[] value) {
        mustBeDeadLetters.add(value == null ? null : ByteBuffer.wrap(value));
        records.add(new ProducerRecord<>("fuzz.customer-events", KafkaTestIO.utf8("bad-" + next++), value));
    }

    /** The test's own oracle, plain Avro: random bytes now and then happen to be one complete record. */
    private boolean decodesCompletely(byte[] bytes) {
        try {
            codec.decode(bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static CustomerEvent event(String id, String customer, String type, long ts) {
        return new CustomerEvent(id, customer, type, ts, null, new HashMap<>());
    }
}
