package io.journeyflow.state;

import static io.journeyflow.state.Events.event;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestData;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * A savepoint of the real job after a known story, for the query tests. Times are minutes after T0
 * (2025-03-01T10:00Z); no deadline has fired when the savepoint is taken.
 *
 * <ul>
 *   <li>p-1, p-2, p-3: profiles only. p-1 {tier gold, time zone Europe/Paris}; p-2 {tier silver}, opted out of
 *       email; p-3 {ltv 120.5, vip true}.</li>
 *   <li>c-6 bought at 5: post-purchase, waiting at {@code engaged} until 5 + 1 day.</li>
 *   <li>c-0 (tier gold) left a cart at 10 and bought at 15: out of the cart journey (re-entry history until
 *       15 + 7 days), into post-purchase, waiting at {@code engaged} until 15 + 1 day.</li>
 *   <li>o-1 signed up at 20: onboarding, at {@code verify} until 20 + 2 days. o-2 signed up at 21 and verified at
 *       22: at {@code browse} until 22 + 10 days.</li>
 *   <li>c-1 .. c-5 left carts at 20, 30, 40, 50, 60: at {@code wait-1h}, each until an hour later. c-5's cart is
 *       the latest event of all.</li>
 * </ul>
 */
public final class SavepointOfARealRun {

    public static final String CART = """
            id: cart-abandonment
            version: 1
            entry: {event: cart_updated, reentry: {policy: after_exit, cooldown: 7d}}
            exit:
              - {event: purchase, outcome: converted}
            steps:
              - {id: wait-1h, wait: 1h}
              - {id: reminder, action: {channel: email, template: cart-reminder-1}}
            """;

    static final String ONBOARDING = """
            id: onboarding
            version: 1
            entry: {event: signup, reentry: {policy: never}}
            steps:
              - {id: verify, wait_for: {event: email_verified, within: 2d}, on_timeout: end}
              - {id: browse, wait_for: {event: purchase, within: 10d}, on_timeout: nudge, next: end}
              - {id: nudge, action: {channel: email, template: first-order-nudge}}
            """;

    private static final Map<String, String> JOURNEYS = Map.of(
            "cart-abandonment", CART, "post-purchase", TestData.POST_PURCHASE, "onboarding", ONBOARDING);

    private SavepointOfARealRun() {
    }

    static List<CustomerEvent> story() {
        List<CustomerEvent> events = new ArrayList<>(List.of(
                event("p-1", "profile_updated", 0, Map.of("tier", "gold", "time_zone", "Europe/Paris")),
                event("p-2", "profile_updated", 1, Map.of("tier", "silver")),
                event("p-2", "consent_changed", 2, Map.of("channel", "email", "granted", false)),
                event("p-3", "profile_updated", 3, Map.of("ltv", 120.5, "vip", true)),
                event("c-6", "purchase", 5),
                event("c-0", "profile_updated", 9, Map.of("tier", "gold")),
                event("c-0", "cart_updated", 10),
                event("c-0", "purchase", 15),
                event("o-1", "signup", 20),
                event("o-2", "signup", 21),
                event("o-2", "email_verified", 22)));
        for (int i = 1; i <= 5; i++) {
            events.add(event("c-" + i, "cart_updated", 10 + 10 * i));
        }
        return events;
    }

    /** Runs the story through the job and stops it with a savepoint; returns the savepoint's path. */
    static String take(EmbeddedKafka kafka, Path dir) throws Exception {
        return take(kafka, dir, RealJob.config(kafka, "queries", dir.resolve("journeys"), JOURNEYS),
                SavepointFormatType.CANONICAL);
    }

    /** The same story on RocksDB, stopped with a native savepoint: RocksDB's own tables, timers included. */
    static String takeNativeRocksDb(EmbeddedKafka kafka, Path dir) throws Exception {
        return take(kafka, dir, JobConfig.StateBackendKind.ROCKSDB, SavepointFormatType.NATIVE);
    }

    /** The same story on the given backend, stopped with a savepoint in the given format (each run its own topics). */
    public static String take(EmbeddedKafka kafka, Path dir, JobConfig.StateBackendKind backend,
                              SavepointFormatType format) throws Exception {
        String run = ("queries-" + backend.name() + "-" + format.name()).toLowerCase(Locale.ROOT);
        JobConfig config = RealJob.config(kafka, run, dir.resolve("journeys"), JOURNEYS).toBuilder()
                .stateBackend(backend).build();
        return take(kafka, dir, config, format);
    }

    private static String take(EmbeddedKafka kafka, Path dir, JobConfig config, SavepointFormatType format)
            throws Exception {
        KafkaTestIO io = new KafkaTestIO(kafka.bootstrapServers());
        List<CustomerEvent> story = story();
        RealJob.send(io, config, story);
        Set<String> entering = Set.of("c-0", "c-1", "c-2", "c-3", "c-4", "c-5", "c-6", "o-1", "o-2");
        JobClient job = RealJob.start(config, null);
        KafkaTestIO.await("every journey customer to enter", RealJob.WAIT,
                () -> io.readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class),
                events -> events.stream().filter(e -> e.getKind() == JourneyEventKind.entered)
                        .map(JourneyEvent::getCustomerId).collect(Collectors.toSet()).containsAll(entering));
        return RealJob.stopWithSavepoint(job, dir.resolve("savepoints"), format);
    }
}
