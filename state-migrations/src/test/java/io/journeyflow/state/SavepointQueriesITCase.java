package io.journeyflow.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code journeyctl state funnel | profiles | inspect} on a savepoint of the real job: {@link SavepointOfARealRun}. */
class SavepointQueriesITCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, new Configuration());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir
    static Path dir;

    private static String savepoint;

    /** Taken by the first test that needs it: the MiniCluster is the tests' environment only inside a test. */
    private static synchronized String savepoint() throws Exception {
        if (savepoint == null) {
            savepoint = SavepointOfARealRun.take(KAFKA.kafka(), dir);
        }
        return savepoint;
    }

    @Test
    void funnelCountsCustomersPerStepInJourneyOrderWithWaitsAndTimedDeadlines() throws Exception {
        Cli run = Cli.run("funnel", "-s", savepoint(), "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode funnel = JSON.readTree(run.out());
        assertThat(funnel.get("now").asText()).isEqualTo("2025-03-01T11:00:00Z");
        assertThat(funnel.get("customers").asLong()).isEqualTo(12);
        List<List<Object>> rows = new ArrayList<>();
        funnel.get("steps").forEach(s -> rows.add(List.of(s.get("journey_id").asText(), s.get("version").asInt(),
                s.get("step_id").asText(), s.get("customers").asInt(), s.get("waited_p50_s").asLong() / 60,
                s.get("waited_p90_s").asLong() / 60, s.get("waited_p99_s").asLong() / 60,
                s.get("deadlines_within_1d").asInt(), s.get("deadlines_within_7d").asInt())));
        // Waits in minutes until 11:00; onboarding's steps in document order (verify before browse), not by name.
        assertThat(rows).containsExactly(
                List.of("cart-abandonment", 1, "wait-1h", 5, 20L, 40L, 40L, 5, 5),
                List.of("onboarding", 1, "verify", 1, 40L, 40L, 40L, 0, 1),
                List.of("onboarding", 1, "browse", 1, 38L, 38L, 38L, 0, 0),
                List.of("post-purchase", 1, "engaged", 2, 45L, 55L, 55L, 2, 2));
        JsonNode timers = funnel.get("timers");
        assertThat(List.of(timers.get("registered").asInt(), timers.get("journey_deadlines").asInt(),
                timers.get("other_due_times").asInt(), timers.get("needed_by_no_state").asInt(),
                timers.get("due_times_without_timer").asInt())).as("one timer per customer with a due time")
                .containsExactly(9, 9, 0, 0, 0);
    }

    /** A native savepoint holds RocksDB's own tables, timers in a column family of their own: the same funnel. */
    @Test
    void funnelOverANativeRocksDbSavepointOfTheSameStoryIsTheSame() throws Exception {
        String nativeSavepoint = SavepointOfARealRun.takeNativeRocksDb(KAFKA.kafka(), dir.resolve("native"));
        Cli canonical = Cli.run("funnel", "-s", savepoint(), "--format", "json");
        Cli fromNative = Cli.run("funnel", "-s", nativeSavepoint, "--format", "json");

        assertThat(fromNative.exit()).as(fromNative.err()).isZero();
        assertThat(JSON.readTree(fromNative.out()).get("timers").get("registered").asInt()).isEqualTo(9);
        assertThat(fromNative.out()).isEqualTo(canonical.out());
    }

    @Test
    void funnelPrintsATableAndCsvAndMeasuresFromAGivenNow() throws Exception {
        Cli table = Cli.run("funnel", "-s", savepoint(), "--now", "2025-03-02T11:00:00Z");
        Cli csv = Cli.run("funnel", "-s", savepoint(), "--format", "csv");

        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("now: 2025-03-02T11:00:00Z (given)");
        assertThat(table.out().lines().filter(l -> l.startsWith("cart-abandonment")))
                .singleElement().satisfies(line -> assertThat(line.split("\\s+"))
                        .containsExactly("cart-abandonment", "1", "wait-1h", "5", "1d", "0h", "1d", "0h", "1d", "0h",
                                "5", "5"));
        assertThat(csv.out().lines()).first().isEqualTo("journey_id,version,step_id,customers,waited_p50_s,"
                + "waited_p90_s,waited_p99_s,deadlines_within_1d,deadlines_within_7d");
        assertThat(csv.out().lines()).contains("post-purchase,1,engaged,2,2700,3300,3300,2,2");
    }

    @Test
    void profilesExportEveryProfileAsJsonLinesWithPlainValues() throws Exception {
        Cli run = Cli.run("profiles", "-s", savepoint());

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        // c-6 only bought something: a purchase builds a profile too (orders, lifetime value).
        assertThat(lines).extracting(l -> l.get("customer_id").asText())
                .containsExactlyInAnyOrder("p-1", "p-2", "p-3", "c-0", "c-6");
        JsonNode p1 = lines.stream().filter(l -> l.get("customer_id").asText().equals("p-1")).findFirst().orElseThrow()
                .get("profile");
        assertThat(p1.at("/attributes/tier").asText()).isEqualTo("gold");
        assertThat(p1.get("time_zone").asText()).isEqualTo("Europe/Paris");
        assertThat(p1.get("updated_at").asText()).isEqualTo("2025-03-01T10:00:00Z");
        JsonNode p3 = lines.stream().filter(l -> l.get("customer_id").asText().equals("p-3")).findFirst().orElseThrow()
                .get("profile");
        assertThat(p3.at("/attributes/ltv").asDouble()).isEqualTo(120.5);
        assertThat(p3.at("/attributes/vip").isBoolean()).isTrue();
        assertThat(run.err()).contains("5 profiles written");
    }

    @Test
    void profileFiltersSelectByIdPrefixListAttributePresenceAndValue() throws Exception {
        assertThat(ids("--prefix", "p-")).containsExactlyInAnyOrder("p-1", "p-2", "p-3");
        assertThat(ids("--customer", "c-0,p-3,nobody")).containsExactlyInAnyOrder("c-0", "p-3");
        assertThat(ids("--has", "attributes.tier")).containsExactlyInAnyOrder("p-1", "p-2", "c-0");
        assertThat(ids("--where", "attributes.tier=gold")).containsExactlyInAnyOrder("p-1", "c-0");
        assertThat(ids("--where", "consent.email=false")).containsExactly("p-2");
        assertThat(ids("--prefix", "c-", "--where", "attributes.tier=gold")).containsExactly("c-0");
    }

    @Test
    void profilesToACsvFileHaveOneColumnPerProfilePath() throws Exception {
        Path file = dir.resolve("profiles.csv");

        Cli run = Cli.run("profiles", "-s", savepoint(), "--format", "csv", "--out", file.toString(),
                "--prefix", "p-");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        // A profile_updated event's properties all become attributes, time_zone included.
        // Every profile field is a column, empty where a customer has no value; p-2's consent records when it changed.
        assertThat(lines).containsExactlyInAnyOrder(
                "customer_id,attributes.ltv,attributes.tier,attributes.time_zone,attributes.vip,consent.email,"
                        + "consent_sources.email.at,consent_sources.email.source,engaged_hours,last_purchase_at,"
                        + "last_ticket_at,lifetime_value,locale,open_tickets,orders,refunds,time_zone,updated_at",
                "p-1,,gold,Europe/Paris,,,,,,,,0.0,,0,0,0,Europe/Paris,2025-03-01T10:00:00Z",
                "p-2,,silver,,,false,2025-03-01T10:02:00Z,,,,,0.0,,0,0,0,,2025-03-01T10:02:00Z",
                "p-3,120.5,,,true,,,,,,,0.0,,0,0,0,,2025-03-01T10:03:00Z");
    }

    @Test
    void inspectShowsTheWholeStateWithTimersAndWhatTheyAreFor() throws Exception {
        Cli json = Cli.run("inspect", "c-0", "-s", savepoint(), "--format", "json");
        Cli text = Cli.run("inspect", "c-0", "-s", savepoint());

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode report = JSON.readTree(json.out());
        List<JsonNode> timers = new ArrayList<>();
        report.get("event_time_timers").forEach(timers::add);
        assertThat(timers).as("one, at the earliest due time")
                .extracting(t -> t.get("at").asText(), t -> t.get("for").get(0).asText())
                .containsExactly(tuple("2025-03-02T10:15:00Z", "deadline of post-purchase v1 at step engaged"));
        List<JsonNode> due = new ArrayList<>();
        report.get("due_times").forEach(due::add);
        assertThat(due).extracting(t -> t.get("at").asText(), t -> t.get("for").asText()).containsExactly(
                tuple("2025-03-02T10:15:00Z", "deadline of post-purchase v1 at step engaged"),
                tuple("2025-03-08T10:15:00Z", "re-entry history of cart-abandonment expires"));
        assertThat(report.get("due_without_timer")).as("the timer reaches both").isEmpty();
        JsonNode state = report.get("state");
        assertThat(state.at("/timer_at").asText()).isEqualTo("2025-03-02T10:15:00Z");
        assertThat(state.at("/instances/post-purchase/step_entered_at").asText()).isEqualTo("2025-03-01T10:15:00Z");
        assertThat(state.at("/history/cart-abandonment/last_exit_at").asText()).isEqualTo("2025-03-01T10:15:00Z");
        assertThat(state.at("/profile/attributes/tier").asText()).isEqualTo("gold");
        assertThat(text.out()).contains("customer_id: c-0", "at: 2025-03-02T10:15:00Z",
                "deadline of post-purchase v1 at step engaged", "step_id: engaged");
    }

    @Test
    void inspectOfACustomerWithoutStateSaysSoInOneLine() throws Exception {
        Cli run = Cli.run("inspect", "nobody", "-s", savepoint());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo(
                "journeyctl state inspect: the savepoint holds nothing for customer 'nobody' (no journey, no history, "
                        + "no profile)");
    }

    private static List<String> ids(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("profiles", "-s", savepoint()));
        args.addAll(List.of(filters));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> ids = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            ids.add(JSON.readTree(line).get("customer_id").asText());
        }
        return ids;
    }
}
