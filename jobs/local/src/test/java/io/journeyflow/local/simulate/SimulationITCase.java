package io.journeyflow.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyflow.local.JourneyCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journeyctl simulate} over {@code simulation/events.jsonl} with the sample journeys, at parallelism 1 and 4.
 * The expected actions were worked out by hand from the file and the journeys (see the comments), not recorded from a
 * run.
 */
class SimulationITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTPUTS = List.of("actions.jsonl", "journey-events.jsonl", "dead-letters.jsonl", "summary.json");

    @TempDir
    static Path dir;

    private static Path serial;
    private static Path parallel;

    @BeforeAll
    static void simulateAtParallelismOneAndFour() throws Exception {
        serial = simulate(1);
        parallel = simulate(4);
    }

    @Test
    void outputsAreByteForByteIdenticalAtAnyParallelism() throws Exception {
        for (String output : OUTPUTS) {
            assertThat(parallel.resolve(output)).as(output).hasSameBinaryContentAs(serial.resolve(output));
        }
    }

    @Test
    void actionsAreExactlyTheOnesTheJourneysPrescribe() throws Exception {
        List<String> actions = new ArrayList<>();
        for (JsonNode a : lines(serial.resolve("actions.jsonl"))) {
            actions.add(String.join(" ", a.get("decided_at").asText(), a.get("customer_id").asText(),
                    a.get("journey_id").asText(), a.get("step_id").asText(), a.get("channel").asText(),
                    a.get("template").asText()));
        }

        assertThat(actions).containsExactly(
                // c-10 bought on 09-01 and stayed silent 45 days; the 10-20 purchase ends the win-back as converted.
                "2026-10-16T12:00:00Z c-10 win-back we-miss-you email win-back-we-miss-you",
                // c-7 signed up: welcome at once, getting-started 2 days later, then bought on 11-06 (no offer).
                "2026-11-02T10:00:00Z c-7 onboarding welcome email welcome-1",
                // c-1, c-3, c-4 left carts at 10:00, 10:01, 10:05: reminder an hour later. c-2 bought within the hour.
                "2026-11-02T11:00:00Z c-1 cart-abandonment reminder email cart-reminder-1",
                "2026-11-02T11:01:00Z c-3 cart-abandonment reminder email cart-reminder-1",
                "2026-11-02T11:05:00Z c-4 cart-abandonment reminder email cart-reminder-1",
                // c-5 and c-6 missed appointments; best(sms, email, push) with no opt-outs is sms.
                "2026-11-02T12:00:00Z c-5 missed-appointment reminder sms appointment-missed-reminder",
                "2026-11-02T13:00:00Z c-6 missed-appointment reminder sms appointment-missed-reminder",
                "2026-11-04T10:00:00Z c-7 onboarding getting-started email welcome-2-getting-started",
                // No click within 2 days: c-1 escalates on push; c-3 opted out of push, so sms. c-4 clicked.
                "2026-11-04T11:00:00Z c-1 cart-abandonment escalate push cart-reminder-2",
                "2026-11-04T11:01:00Z c-3 cart-abandonment escalate sms cart-reminder-2",
                // c-8 opened the retirement email and never clicked: in-app after 3 days, advisor a week later.
                // c-9 clicked the next day.
                "2026-11-05T10:00:00Z c-8 retirement-nurture in-app-planner in_app retirement-planner-in-app",
                // c-5 did not reschedule within 72 hours; c-6 did.
                "2026-11-05T12:00:00Z c-5 missed-appointment care-coordinator call_center care-coordinator-task",
                "2026-11-12T10:00:00Z c-8 retirement-nurture advisor-call call_center retirement-advisor-callback");
        // c-13's reminder would be due after --until; c-12's cart comes after it: neither gets anything.
    }

    @Test
    void badLinesBecomeDeadLettersNumberedByLine() throws Exception {
        List<JsonNode> deadLetters = lines(serial.resolve("dead-letters.jsonl"));

        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters.get(0).get("offset").asLong()).isEqualTo(12);
        assertThat(deadLetters.get(0).get("original").asText()).isEqualTo("this is not an event");
        assertThat(deadLetters.get(0).get("error_message").asText()).startsWith("not valid JSON");
        assertThat(deadLetters.get(1).get("offset").asLong()).isEqualTo(15);
        assertThat(deadLetters.get(1).get("error_message").asText()).isEqualTo("missing required field 'customer_id'");
    }

    @Test
    void summaryCountsInputsAndOutcomes() throws Exception {
        JsonNode summary = JSON.readTree(serial.resolve("summary.json").toFile());

        assertThat(summary.at("/input/lines").asLong()).isEqualTo(22);
        assertThat(summary.at("/input/events").asLong()).isEqualTo(20);
        assertThat(summary.at("/input/duplicate_events").asLong()).isEqualTo(1);
        assertThat(summary.at("/actions_total").asLong()).isEqualTo(13);
        assertThat(summary.at("/dead_letters_total").asLong()).isEqualTo(2);
        assertThat(summary.at("/exits/cart-abandonment/converted").asLong()).isEqualTo(1);
        assertThat(summary.at("/exits/cart-abandonment/engaged").asLong()).isEqualTo(1);
        assertThat(summary.at("/exits/missed-appointment/rescheduled").asLong()).isEqualTo(1);
        assertThat(summary.at("/exits/onboarding/converted").asLong()).isEqualTo(1);
        assertThat(summary.at("/exits/win-back/converted").asLong()).isEqualTo(1);
    }

    private static Path simulate(int parallelism) throws Exception {
        // The committed samples themselves (failsafe runs the module's jar, where they are no folder).
        Path journeys = Path.of("src/main/resources/journeys");
        Path events = Path.of(SimulationITCase.class.getResource("/simulation/events.jsonl").toURI());
        Path out = dir.resolve("p" + parallelism);
        StringWriter console = new StringWriter();
        int exit = JourneyCtl.commandLine()
                .setOut(new PrintWriter(console))
                .setErr(new PrintWriter(console))
                .execute("simulate", "--journeys", journeys.toString(), "--events", events.toString(),
                        "--until", "2026-11-20T00:00:00Z", "--parallelism", String.valueOf(parallelism),
                        "--out", out.toString());
        assertThat(exit).as(console.toString()).isZero();
        assertThat(console.toString()).contains("actions (13)");
        return out;
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
