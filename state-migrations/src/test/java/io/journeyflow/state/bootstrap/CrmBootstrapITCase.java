package io.journeyflow.state.bootstrap;

import static io.journeyflow.state.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestJobs;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.state.Cli;
import io.journeyflow.state.RealJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journeyctl state bootstrap} writes a savepoint from a CRM export; the real job starts from it and decides
 * with the bootstrapped profiles: a journey for gold customers, on email.
 */
class CrmBootstrapITCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Gold customers get a welcome email when they visit; nobody else enters. */
    private static final String GOLD_WELCOME = """
            id: gold-welcome
            version: 1
            entry: {event: visit, when: "profile.attributes.tier == 'gold'"}
            steps:
              - {id: hello, action: {channel: email, template: gold-hello}}
            """;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, new Configuration());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir
    Path dir;

    @Test
    void theJobStartsFromTheBootstrappedSavepointAndDecidesWithItsProfiles() throws Exception {
        // g-1 is gold but opted out of email; g-2 is gold with no recorded choice; s-1 is silver.
        Path crm = Files.writeString(dir.resolve("crm.csv"), """
                customer_id,tier,consent.email,time_zone,ltv:double
                g-1,gold,false,Europe/Paris,1200.5
                g-2,gold,,America/New_York,80
                s-1,silver,true,,
                """);
        String savepoint = dir.resolve("bootstrapped").toString();

        Cli bootstrap = Cli.run("bootstrap", "--crm", crm.toString(), "--out", savepoint, "--as-of",
                "2025-02-28T00:00:00Z");

        assertThat(bootstrap.exit()).as(bootstrap.err()).isZero();
        assertThat(bootstrap.out()).contains("3 customer profiles under uid 'journey-orchestrator'");
        Cli profiles = Cli.run("profiles", "-s", savepoint, "--where", "attributes.tier=gold");
        List<JsonNode> gold = new ArrayList<>();
        for (String line : profiles.out().lines().toList()) {
            gold.add(JSON.readTree(line));
        }
        assertThat(gold).extracting(l -> l.get("customer_id").asText(), l -> l.at("/profile/time_zone").asText(),
                        l -> l.at("/profile/updated_at").asText())
                .containsExactlyInAnyOrder(tuple("g-1", "Europe/Paris", "2025-02-28T00:00:00Z"),
                        tuple("g-2", "America/New_York", "2025-02-28T00:00:00Z"));

        JobConfig config = RealJob.config(KAFKA.kafka(), "bootstrap", dir.resolve("journeys"),
                Map.of("gold-welcome", GOLD_WELCOME));
        KafkaTestIO io = KAFKA.io();
        RealJob.send(io, config, List.of(event("g-1", "visit", 0), event("g-2", "visit", 1),
                event("s-1", "visit", 2)));
        JobClient job = RealJob.start(config, savepoint);
        List<JourneyEvent> decided = KafkaTestIO.await("both gold customers to be decided on", RealJob.WAIT,
                () -> io.readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class),
                events -> events.stream().filter(e -> e.getKind() == JourneyEventKind.action_emitted
                        || e.getKind() == JourneyEventKind.action_suppressed).count() >= 2);
        RealJob.cancel(job);

        assertThat(decided).filteredOn(e -> e.getKind() == JourneyEventKind.action_emitted
                        || e.getKind() == JourneyEventKind.action_suppressed)
                .extracting(JourneyEvent::getCustomerId, JourneyEvent::getKind)
                .containsExactlyInAnyOrder(tuple("g-1", JourneyEventKind.action_suppressed),
                        tuple("g-2", JourneyEventKind.action_emitted));
        assertThat(decided).filteredOn(e -> e.getKind() == JourneyEventKind.action_suppressed).singleElement()
                .satisfies(e -> assertThat(e.getReason()).contains("consent"));
        assertThat(decided).extracting(JourneyEvent::getCustomerId).doesNotContain("s-1");
        assertThat(io.readCommitted(config.actionTopics(), Action.class))
                .extracting(Action::getCustomerId, Action::getChannel).containsExactly(tuple("g-2", "email"));
    }

    @Test
    void anExportWithBadRowsWritesNothingAndListsThem() throws Exception {
        Path crm = Files.writeString(dir.resolve("crm.csv"), """
                customer_id,orders:long
                c-1,3
                c-2,three
                ,4
                """);
        Path savepoint = dir.resolve("never");

        Cli run = Cli.run("bootstrap", "--crm", crm.toString(), "--out", savepoint.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(crm + " has 2 bad rows, nothing was written:",
                "  line 3: column 'orders': 'three' is not a long", "  line 4: customer_id is empty");
        assertThat(savepoint).doesNotExist();
    }

    @Test
    void aCustomerTwiceInTheExportFailsTheBootstrapAndLeavesNoSavepoint() throws Exception {
        Path crm = Files.writeString(dir.resolve("crm.csv"), "customer_id,tier\nc-1,gold\nc-2,silver\nc-1,bronze\n");
        Path savepoint = dir.resolve("never");

        Cli run = Cli.run("bootstrap", "--crm", crm.toString(), "--out", savepoint.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lastErrLine()).isEqualTo("journeyctl state bootstrap: bootstrap failed, nothing was written: "
                + "customer_id 'c-1' appears more than once");
        assertThat(savepoint).doesNotExist();
    }
}
