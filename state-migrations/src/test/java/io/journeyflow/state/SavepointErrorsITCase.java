package io.journeyflow.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestData;
import io.journeyflow.job.TestJobs;
import io.journeyflow.state.savepoint.ByKey;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.SavedState;
import io.journeyflow.state.savepoint.ValueStateWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints the queries cannot use, written with the State Processor API: each is refused in one line that says
 * why, before any state is read.
 */
class SavepointErrorsITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, new Configuration());

    @TempDir
    Path dir;

    @Test
    void aSavepointOfThisJobWithoutTheOrchestratorIsRefusedNamingTheMissingUid() throws Exception {
        String savepoint = journeysOnlyUnder(OperatorIds.JOURNEY_REGISTRY.uid());

        Cli run = Cli.run("funnel", "-s", savepoint);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("journeyctl state funnel: savepoint " + savepoint
                + " has no operator with uid 'journey-orchestrator' (Journey orchestrator), which 'funnel' reads");
    }

    @Test
    void aSavepointOfAnotherJobIsRefusedAsSuch() throws Exception {
        String savepoint = journeysOnlyUnder("another-jobs-operator");

        Cli run = Cli.run("profiles", "-s", savepoint);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("journeyctl state profiles: " + savepoint + " is not a savepoint of "
                + "the Journeyflow job: none of its 1 operators has a Journeyflow uid (no 'journey-orchestrator'); is "
                + "it another job's?");
        assertThat(run.out()).isEmpty();
    }

    /** A savepoint with one operator, of the given uid, holding one journey record. */
    private String journeysOnlyUnder(String uid) throws Exception {
        String target = dir.resolve(uid).toUri().toString();
        StreamExecutionEnvironment env = LocalFlink.batch(2);
        var journeys = env.fromData(List.of(new SavedState<>("j-1", TestData.deployed("j-1", TestData.CART_REMINDER),
                new long[0])), SavedState.type(Types.STRING, StreamTypes.JOURNEY_RECORD));
        SavepointWriter.newSavepoint(env, new HashMapStateBackend(), 128)
                .withOperator(OperatorIdentifier.forUid(uid),
                        OperatorTransformation.bootstrapWith(journeys).keyBy(new ByKey<>(), Types.STRING)
                                .transform(new ValueStateWriter<>(StateDescriptors.journeyRecord())))
                .write(target);
        env.execute("a savepoint with journeys under " + uid);
        return target;
    }
}
