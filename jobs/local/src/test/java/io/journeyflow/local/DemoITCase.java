package io.journeyflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.local.simulate.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedded demo end to end: real broker, real job, exactly-once outputs read back as a downstream would. */
class DemoITCase {

    @Test
    void demoDeploysJourneysRejectsTheBrokenOneDeadLettersGarbageAndActs() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // How long the demo takes is not asserted here: timing goals live in benchmarks, and the demo bounds its own
        // waits (it reports a run it had to stop).
        RunSummary summary = Demo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(summary.journeys()).containsEntry("broken-demo", "v1 rejected")
                .containsEntry("cart-abandonment", "v1 accepted")
                .containsEntry("retirement-nurture", "v1 accepted")
                .containsEntry("missed-appointment", "v1 accepted")
                .containsEntry("onboarding", "v1 accepted")
                .containsEntry("win-back", "v1 accepted")
                .containsEntry("browse-abandonment", "v1 accepted");
        assertThat(summary.deadLetterCount()).isEqualTo(3);
        // Every journey acted, timed steps included: deadlines fired as the idle source let time advance.
        assertThat(summary.actions().keySet()).contains("cart-abandonment/reminder -> email",
                "cart-abandonment/escalate -> push", "missed-appointment/care-coordinator -> call_center",
                "retirement-nurture/advisor-call -> call_center", "onboarding/getting-started -> email",
                "win-back/we-miss-you -> email");
        // The sample contact policy is in force: its decisions are visible, each with its reason.
        assertThat(summary.suppressed().keySet()).anyMatch(reason -> reason.endsWith("capped:email/day"));
        assertThat(summary.deferred().keySet()).anyMatch(reason -> reason.contains("deferred:"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("action      email", "dead letter", "rejected");
    }
}
