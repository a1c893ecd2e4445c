package io.journeyflow.job.compat;

import static io.journeyflow.job.TestJobs.WAIT;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestJobs;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.JourneyDeployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.core.execution.JobClient;

/**
 * Writes a savepoint compatibility fixture for {@code SavepointCompatibilityITCase}: runs the real job over
 * {@link CompatibilityScenario} on a local Flink (hashmap state) and an in-process broker, checks that the story
 * reached the state it describes, stops the job with a canonical savepoint and copies that savepoint, with the
 * {@link SourcePositions} it resumes from, into a new folder. Once per release, from that release's code (see the
 * README beside the fixtures); it never overwrites a fixture.
 */
public final class CompatibilityFixtureWriter {

    /** The actions the story takes before the savepoint, as customer/step, sorted: two welcomes, two reminders. */
    private static final List<String> ACTED =
            List.of("c-onboarded/welcome", "c-onboarding/welcome", "c-optout/reminder", "c-waitfor/reminder");

    private CompatibilityFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            exit("usage: CompatibilityFixtureWriter <new fixture folder>, e.g. "
                    + "jobs/orchestrator/src/test/resources/savepoints/0.2.0");
        }
        Path fixture = Path.of(args[0]).toAbsolutePath();
        if (!fixture.getFileName().toString().matches("\\d+\\.\\d+\\.\\d+")) {
            exit("the fixture folder is named after the release it comes from, e.g. 0.2.0: " + fixture);
        }
        if (Files.exists(fixture)) {
            exit(fixture + " exists already: a fixture is written once per release and never replaced");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            write(kafka, fixture);
        } catch (Exception | AssertionError e) {
            exit("could not write the fixture: " + e);
        }
        System.out.printf("wrote %s: %d bytes%n", fixture, Fixtures.size(fixture));
        System.exit(0); // the broker and Flink leave non-daemon threads behind
    }

    private static void write(EmbeddedKafka kafka, Path fixture) throws Exception {
        JobConfig config = CompatibilityScenario.config(kafka.bootstrapServers(), JobConfig.StateBackendKind.HASHMAP);
        kafka.createJourneyflowTopics(CompatibilityScenario.PARTITIONS, config.journeysTopic(), config.plainTopics());
        KafkaTestIO io = new KafkaTestIO(kafka.bootstrapServers());
        JobClient job = TestJobs.start(config);

        // Journeys first, events once they are accepted: the orchestrator must know them before the first event.
        io.send(CompatibilityScenario.deployments(config));
        KafkaTestIO.await("both journeys to be accepted", WAIT,
                () -> io.readCommitted(List.of(config.deploymentsTopic()), JourneyDeployment.class),
                TestJobs.whileRunning(job, answers -> answers.size() == 2
                        && answers.stream().allMatch(a -> a.getStatus() == DeploymentStatus.accepted)));
        io.sendEvents(config.eventsTopic(), CompatibilityScenario.beforeSavepoint());
        KafkaTestIO.await("the story's actions", WAIT, () -> acted(io, config),
                TestJobs.whileRunning(job, ACTED::equals));
        var positions = SourcePositions.ends(kafka.admin(), List.of(config.eventsTopic(), config.journeysTopic()));
        SourcePositions.awaitCommitted(kafka.admin(), positions);

        Path savepoint = TestJobs.stopWithSavepoint(job, Files.createTempDirectory("journeyflow-savepoint"));
        List<String> acted = acted(io, config);
        if (!acted.equals(ACTED)) {
            throw new IllegalStateException("the story did not stop where it describes: it acted " + acted);
        }
        Files.createDirectories(fixture);
        Fixtures.copy(savepoint, fixture.resolve(Fixtures.SAVEPOINT));
        SourcePositions.write(positions, fixture.resolve(SourcePositions.FILE));
    }

    private static List<String> acted(KafkaTestIO io, JobConfig config) {
        return io.readCommitted(config.actionTopics(), Action.class).stream()
                .map(a -> a.getCustomerId() + "/" + a.getStepId())
                .sorted()
                .toList();
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
