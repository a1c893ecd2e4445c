package io.journeyflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.local.simulate.SimulateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JourneyCtlTest {

    @TempDir
    Path dir;

    @Test
    void simulateRefusesInvalidJourneysPrintingEveryErrorAndRunsNothing() throws Exception {
        Path journeys = Files.createDirectories(dir.resolve("journeys"));
        Files.writeString(journeys.resolve("broken.yaml"), """
                id: broken
                version: 1
                entry: {event: cart_updated, when: "event.properties.cart_value +"}
                steps:
                  - {id: pause, wait: soon}
                  - {id: jump, goto: nowhere}
                """);
        Files.writeString(journeys.resolve("carrier.yaml"), """
                id: carrier
                version: 1
                entry: {event: signup}
                steps:
                  - {id: hello, action: {channel: pigeon, template: hi}}
                """);
        Files.writeString(journeys.resolve("fine.yaml"), """
                id: broken
                version: 2
                entry: {event: signup}
                steps:
                  - {id: hello, action: {channel: email, template: hi}}
                """);
        Path events = Files.writeString(dir.resolve("events.jsonl"), "");
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();

        int exit = run(err, "simulate", "--journeys", journeys.toString(), "--events", events.toString(),
                "--until", "2026-11-20T00:00:00Z", "--out", out.toString());

        assertThat(exit).isEqualTo(SimulateCommand.INVALID_INPUT);
        assertThat(err.toString()).contains(
                "broken.yaml: journey 'broken', field 'entry.when'",
                "broken.yaml: journey 'broken', step 'pause', field 'wait'",
                "broken.yaml: journey 'broken', step 'jump', field 'goto'",
                "carrier.yaml: journey 'carrier', step 'hello', field 'action.channel'",
                "fine.yaml: journey 'broken' is already declared in broken.yaml");
        assertThat(out).doesNotExist();
    }

    @Test
    void simulateRefusesAFolderWithoutJourneys() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        StringWriter err = new StringWriter();

        int exit = run(err, "simulate", "--journeys", empty.toString(), "--events", "x.jsonl", "--until",
                "2026-11-20T00:00:00Z", "--out", dir.resolve("out").toString());

        assertThat(exit).isEqualTo(SimulateCommand.INVALID_INPUT);
        assertThat(err.toString()).contains("no journey documents");
    }

    @Test
    void simulateRefusesAnInvalidOrMissingPolicyFileWithEveryProblem() throws Exception {
        Path journeys = Files.createDirectories(dir.resolve("ok"));
        Files.writeString(journeys.resolve("hello.yaml"), """
                id: hello
                version: 1
                entry: {event: signup}
                steps: [{id: hi, action: {channel: email, template: hi}}]
                """);
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "caps: [{id: x, channel: email, max: 0, per: 1d}]\n");
        StringWriter bad = new StringWriter();
        StringWriter missing = new StringWriter();

        int badExit = run(bad, "simulate", "--journeys", journeys.toString(), "--policies", policy.toString(),
                "--events", "x.jsonl", "--until", "2026-11-20T00:00:00Z", "--out", dir.resolve("out").toString());
        int missingExit = run(missing, "simulate", "--journeys", journeys.toString(), "--policies",
                dir.resolve("nope.yaml").toString(), "--events", "x.jsonl", "--until", "2026-11-20T00:00:00Z",
                "--out", dir.resolve("out").toString());

        assertThat(badExit).isEqualTo(SimulateCommand.INVALID_INPUT);
        assertThat(bad.toString()).contains("invalid policy file, nothing was run:",
                "field 'caps[0].max': must be a number from 1 to 1000").doesNotContain("\tat ");
        assertThat(missingExit).isEqualTo(SimulateCommand.INVALID_INPUT);
        assertThat(missing.toString()).contains("nope.yaml does not exist");
    }

    @Test
    void theSampleJourneysAreValid() throws Exception {
        Path samples = Path.of("src/main/resources/journeys");

        assertThat(JourneyDirectory.validate(samples)).isEmpty();
        assertThat(JourneyDirectory.readResource("/journeys").keySet()).containsExactly("browse-abandonment.yaml",
                "cart-abandonment.yaml", "missed-appointment.yaml", "onboarding.yaml", "retirement-nurture.yaml",
                "win-back.yaml");
    }

    @Test
    void theSamplePolicyIsValid() throws Exception {
        ContactPolicy policy = PolicyReader.read(Files.readString(Path.of("src/main/resources/policies/contact-policy.yaml")));

        assertThat(policy.caps()).isNotEmpty();
        assertThat(policy.quietHours()).isNotNull();
        assertThat(policy.arbitrationWindowMillis()).isZero();
    }

    @Test
    void stateCommandsAnswerAWrongSavepointPathInOneLine() {
        Path missing = dir.resolve("no-savepoint");
        StringWriter err = new StringWriter();

        int exit = run(err, "state", "funnel", "--savepoint", missing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("journeyctl state funnel: no savepoint at " + missing + ": the path does not exist");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine commandLine = JourneyCtl.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }
}
