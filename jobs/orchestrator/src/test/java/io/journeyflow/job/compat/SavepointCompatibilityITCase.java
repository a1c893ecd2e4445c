package io.journeyflow.job.compat;

import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestJobs.WAIT;
import static io.journeyflow.job.compat.CompatibilityScenario.F0;
import static io.journeyflow.job.compat.CompatibilityScenario.PARTITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.journeyflow.job.EngineOracle;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.KafkaTestIO;
import io.journeyflow.job.TestJobs;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Savepoints of earlier releases restore into the current job. Every fixture under {@code savepoints/} (one per
 * release, written by {@link CompatibilityFixtureWriter}) is restored with the hashmap and with the RocksDB backend (a
 * canonical savepoint does not depend on the backend that wrote it), and with RocksDB behind Flink's state changelog
 * (flink-conf/ has it ready; earlier releases ran without one), against a fresh broker whose topics stand where
 * the savepoint's sources stopped. Event time then moves three days on, and the customers of
 * {@link CompatibilityScenario} must do exactly what {@link AfterRestore} derives from their journeys.
 */
class SavepointCompatibilityITCase {

    /** Where jobs with the state changelog log their state changes: a task manager's setting, so one for the class. */
    private static final Path CHANGELOG_STORAGE = temporaryFolder();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(PARTITIONS, changelogStorage(TestJobs.noRestarts()));

    static Stream<Arguments> fixturesOnEachBackend() {
        return Fixtures.releases().stream().flatMap(release -> Stream.concat(
                Stream.of(StateBackendKind.values()).map(backend -> Arguments.of(release, backend, false)),
                Stream.of(Arguments.of(release, StateBackendKind.ROCKSDB, true))));
    }

    @ParameterizedTest(name = "fixture {0} on {1}, state changelog {2}")
    @MethodSource("fixturesOnEachBackend")
    void customersLeftWaitingActAsTheirJourneysSay(String release, StateBackendKind backend, boolean changelog,
            @TempDir Path work) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            JobConfig config = CompatibilityScenario.config(kafka.bootstrapServers(), backend);
            KafkaTestIO io = new KafkaTestIO(kafka.bootstrapServers());
            kafka.createJourneyflowTopics(PARTITIONS, config.journeysTopic(), config.plainTopics());
            Path fixture = Fixtures.folder(release);
            io.send(SourcePositions.filler(SourcePositions.read(fixture.resolve(SourcePositions.FILE))));
            // Restored from a copy: the committed fixture must stay exactly as it was written.
            Path savepoint = work.resolve("restored");
            Fixtures.copy(fixture.resolve(Fixtures.SAVEPOINT), savepoint);

            Configuration flink = new Configuration();
            flink.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, changelog);
            if (changelog) {
                // As operations.md says: a changelog backend cannot take the full first checkpoint NO_CLAIM needs.
                flink.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
            }
            JobClient job = TestJobs.restore(config, savepoint.toString(), flink);
            io.send(redeployments(config));
            io.sendEvents(config.eventsTopic(), AfterRestore.events());
            io.awaitActions(config,
                    TestJobs.whileRunning(job, actions -> actions.size() >= AfterRestore.actions().size()));
            KafkaTestIO.await("answers to both redeployments", WAIT,
                    () -> io.readCommitted(List.of(config.deploymentsTopic()), JourneyDeployment.class),
                    TestJobs.whileRunning(job, answers -> answers.size() >= 2));
            // Stopping with a savepoint commits everything the job did up to then, so "exactly" below means exactly.
            TestJobs.stopWithSavepoint(job, work.resolve("end"));

            List<Action> actions = io.readCommitted(config.actionTopics(), Action.class);
            assertThat(actions)
                    .extracting(Action::getCustomerId, Action::getJourneyId, Action::getStepId, Action::getChannel,
                            Action::getTemplate, Action::getDecidedAt)
                    .containsExactlyInAnyOrderElementsOf(AfterRestore.actions());
            // Every field, ids included, as the engine decides over the whole story without a savepoint in between:
            // instance ids and step counts came through the restore.
            assertThat(actions).containsExactlyInAnyOrderElementsOf(engineActionsAfterTheFixture(config));
            assertThat(journeyEventsByCustomer(io, config)).isEqualTo(AfterRestore.journeyEvents());
            // The registry still holds version 1 of both, text included: the same text is unchanged, another is not.
            List<JourneyDeployment> answers =
                    io.readCommitted(List.of(config.deploymentsTopic()), JourneyDeployment.class);
            assertThat(answers)
                    .extracting(JourneyDeployment::getJourneyId, JourneyDeployment::getStatus,
                            JourneyDeployment::getVersion)
                    .containsExactlyInAnyOrder(tuple("cart-abandonment", DeploymentStatus.unchanged, 1),
                            tuple("onboarding", DeploymentStatus.rejected, 1));
            assertThat(answers).flatExtracting(JourneyDeployment::getErrors)
                    .singleElement().asString().contains("already deployed with different content");
            // The sources resumed at their saved positions: no filler record before them was read.
            assertThat(io.readCommitted(List.of(config.deadLettersTopic()), DeadLetter.class)).isEmpty();
            assertThat(CHANGELOG_STORAGE.resolve(job.getJobID().toString()).toFile().isDirectory())
                    .as("state changes logged").isEqualTo(changelog);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("journeyflow-compat-changelog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration changelogStorage(Configuration cluster) {
        cluster.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        cluster.set(FsStateChangelogOptions.BASE_PATH, CHANGELOG_STORAGE.toUri().toString());
        return cluster;
    }

    /** cart-abandonment exactly as deployed; onboarding with another body under the same version. */
    private static List<ProducerRecord<byte[], byte[]>> redeployments(JobConfig config) {
        String changed = CompatibilityScenario.journey("onboarding").replace("welcome-1", "welcome-first");
        return List.of(
                new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8("cart-abandonment"),
                        KafkaTestIO.utf8(CompatibilityScenario.journey("cart-abandonment"))),
                new ProducerRecord<>(config.journeysTopic(), KafkaTestIO.utf8("onboarding"),
                        KafkaTestIO.utf8(changed)));
    }

    private static List<Action> engineActionsAfterTheFixture(JobConfig config) {
        List<CustomerEvent> story = new ArrayList<>(CompatibilityScenario.beforeSavepoint());
        story.addAll(AfterRestore.events());
        long finalWatermark = AfterRestore.END + MINUTE - config.outOfOrderness().toMillis() - 1;
        return EngineOracle.actions(CompatibilityScenario.deployedJourneys(), story, finalWatermark).stream()
                .filter(action -> action.getDecidedAt() > F0 + MINUTE)
                .toList();
    }

    private static Map<String, List<Tuple>> journeyEventsByCustomer(KafkaTestIO io, JobConfig config) {
        return io.readCommitted(List.of(config.journeyEventsTopic()), JourneyEvent.class).stream()
                .collect(Collectors.groupingBy(JourneyEvent::getCustomerId, LinkedHashMap::new,
                        Collectors.mapping(e -> tuple(e.getJourneyId(), e.getKind(), e.getStepId(), e.getTs()),
                                Collectors.toList())));
    }
}
