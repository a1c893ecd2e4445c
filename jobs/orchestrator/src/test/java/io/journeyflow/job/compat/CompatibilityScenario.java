package io.journeyflow.job.compat;

import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.event;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestConfigs;
import io.journeyflow.job.TestData;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The story every savepoint compatibility fixture is written from. Two shipped journeys (copied into the test
 * resources, so that edits to the shipped ones do not change it), deployed through the control topic, and customers
 * left in these situations when the job stops (times relative to {@link #F0}, the last event):
 * <ul>
 *   <li>{@code c-wait}, {@code c-noemail}: put something in the cart at F0, so in cart-abandonment at {@code wait-1h}
 *       until F0+1h; {@code c-noemail} opted out of email before;
 *   <li>{@code c-waitfor}, {@code c-optout}: cart at F0-2h, reminded by email at F0-1h, so at {@code await-click}
 *       until F0+47h; {@code c-optout} opted out of push before;
 *   <li>{@code c-onboarding}: signed up at F0-1h, welcomed, at {@code wait-2d} until F0+47h;
 *   <li>{@code c-returning}: left cart-abandonment by buying at F0-2h30 (cooldown 7 days: no re-entry before then);
 *   <li>{@code c-onboarded}: left onboarding by unsubscribing from email at F0-24h (re-entry: never).
 * </ul>
 * Fixtures of earlier releases hold exactly this state: change the story and they no longer match it. A release that
 * needs another story adds one beside this.
 */
public final class CompatibilityScenario {

    public static final long F0 = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
    public static final int PARTITIONS = 2;
    public static final List<String> JOURNEYS = List.of("cart-abandonment", "onboarding");

    private CompatibilityScenario() {
    }

    /**
     * The job as the fixtures were written, on a test broker. Pinned rather than taken from the defaults: a savepoint
     * remembers the topics its sources read, and its key groups are the max parallelism. Event time comes from the
     * events only: the story's dates must decide which deadlines are pending, not the wall clock of the day a fixture
     * was written or restored.
     */
    public static JobConfig config(String bootstrapServers, JobConfig.StateBackendKind backend) {
        return TestConfigs.forTests(bootstrapServers)
                .eventsTopic("customer-events")
                .journeysTopic("journey-definitions")
                .maxParallelism(256)
                .watermarkMode(JobConfig.WatermarkMode.DETERMINISTIC)
                .stateBackend(backend)
                .build();
    }

    /** A journey document exactly as the fixtures' job was given it. */
    public static String journey(String id) {
        try (InputStream in = CompatibilityScenario.class.getResourceAsStream("/compat/journeys/" + id + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no journey " + id + " in the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The journeys as the registry keeps them after their first deployment. */
    public static List<JourneyRecord> deployedJourneys() {
        return JOURNEYS.stream().map(id -> TestData.deployed(id, journey(id))).toList();
    }

    /** The control records that deploy both journeys, keyed by journey id. */
    public static List<ProducerRecord<byte[], byte[]>> deployments(JobConfig config) {
        return JOURNEYS.stream()
                .map(id -> new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8(id),
                        KafkaTestIO.utf8(journey(id))))
                .toList();
    }

    /** The events before the savepoint, in time order, ending with a tick per partition at F0+1m. */
    public static List<CustomerEvent> beforeSavepoint() {
        List<CustomerEvent> events = new ArrayList<>(List.of(
                event("fx-01", "c-onboarded", "signup", F0 - 25 * HOUR),
                event("fx-02", "c-onboarded", "unsubscribed", F0 - 24 * HOUR, Map.of("channel", "email")),
                event("fx-03", "c-optout", "consent_changed", F0 - 3 * HOUR,
                        Map.of("channel", "push", "granted", false)),
                event("fx-04", "c-returning", "cart_updated", F0 - 3 * HOUR, cart(30.0)),
                event("fx-05", "c-returning", "purchase", F0 - 150 * MINUTE),
                event("fx-06", "c-optout", "cart_updated", F0 - 2 * HOUR, cart(40.0)),
                event("fx-07", "c-waitfor", "cart_updated", F0 - 2 * HOUR, cart(60.0)),
                event("fx-08", "c-onboarding", "signup", F0 - HOUR),
                event("fx-09", "c-noemail", "consent_changed", F0 - 10 * MINUTE,
                        Map.of("channel", "email", "granted", false)),
                event("fx-10", "c-noemail", "cart_updated", F0, cart(20.0)),
                event("fx-11", "c-wait", "cart_updated", F0, cart(80.0))));
        events.addAll(TestData.ticks(F0 + MINUTE, PARTITIONS));
        return events;
    }

    public static Map<String, Object> cart(double value) {
        return Map.of("cart_value", value);
    }
}
