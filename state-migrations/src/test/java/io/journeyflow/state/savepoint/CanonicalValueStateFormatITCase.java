package io.journeyflow.state.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.KafkaExtension;
import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestJobs;
import io.journeyflow.state.SavepointOfARealRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.io.InputFormat;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.state.api.input.SourceBuilder;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canonical savepoint read straight from its files gives exactly what Flink's restoring reader gives: every key,
 * value and event-time timer of the customers' and the registry's state, whichever backend wrote it, and from the
 * oldest release's savepoint, whose customer state has an older schema.
 */
class CanonicalValueStateFormatITCase {

    /** The 0.1 release's savepoint, kept by the orchestrator's compatibility test. */
    private static final Path RELEASE_0_1 =
            Path.of("../jobs/orchestrator/src/test/resources/savepoints/0.1.0/savepoint");

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(2, new Configuration());

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir
    static Path dir;

    /** One entry a reader gave, comparable: Avro records compare by content, arrays do not. */
    private record Read(String key, Object value, List<Long> timers) {
    }

    @Test
    void aSavepointTheHeapBackendWroteReadsTheSame() throws Exception {
        assertBothReadersAgree(SavepointOfARealRun.take(KAFKA.kafka(), dir.resolve("heap"), StateBackendKind.HASHMAP,
                SavepointFormatType.CANONICAL));
    }

    @Test
    void aSavepointRocksDbWroteReadsTheSame() throws Exception {
        assertBothReadersAgree(SavepointOfARealRun.take(KAFKA.kafka(), dir.resolve("rocksdb"),
                StateBackendKind.ROCKSDB, SavepointFormatType.CANONICAL));
    }

    @Test
    void theOldestReleasesSavepointReadsTheSame() throws Exception {
        assertThat(RELEASE_0_1.resolve("_metadata")).exists();
        assertBothReadersAgree(RELEASE_0_1.toAbsolutePath().toString());
    }

    @Test
    void aNativeSavepointIsLeftToFlinksReader() throws Exception {
        String path = SavepointOfARealRun.take(KAFKA.kafka(), dir.resolve("native"), StateBackendKind.ROCKSDB,
                SavepointFormatType.NATIVE);

        assertThat(CanonicalValueStateFormat.canRead(Savepoint.open(path).find(OperatorIds.ORCHESTRATOR)
                .orElseThrow())).isFalse();
    }

    private static void assertBothReadersAgree(String path) throws Exception {
        Savepoint savepoint = Savepoint.open(path);
        List<Read> customers = assertSame(savepoint, OperatorIds.ORCHESTRATOR, StateDescriptors.customerState(),
                StreamTypes.CUSTOMER_STATE);
        assertThat(customers).as("customers waiting on a timer").anyMatch(read -> !read.timers().isEmpty());
        assertSame(savepoint, OperatorIds.JOURNEY_REGISTRY, StateDescriptors.journeyRecord(),
                StreamTypes.JOURNEY_RECORD);
    }

    private static <V> List<Read> assertSame(Savepoint savepoint, OperatorIds.Id operator,
                                             ValueStateDescriptor<V> descriptor, TypeInformation<V> type)
            throws Exception {
        OperatorState state = savepoint.find(operator).orElseThrow();
        assertThat(CanonicalValueStateFormat.canRead(state)).as("a canonical savepoint").isTrue();
        StreamExecutionEnvironment direct = LocalFlink.batch(2);
        List<Read> read = read(direct, new CanonicalValueStateFormat<>(state, descriptor.getName(),
                type.createSerializer(direct.getConfig().getSerializerConfig())), type);
        StreamExecutionEnvironment restoring = LocalFlink.batch(2);
        List<Read> restored = read(restoring, Savepoint.restoringFormat(restoring, state, descriptor), type);

        assertThat(read).isNotEmpty().containsExactlyInAnyOrderElementsOf(restored);
        return read;
    }

    private static <V> List<Read> read(StreamExecutionEnvironment env, InputFormat<SavedState<String, V>, ?> format,
                                       TypeInformation<V> type) {
        List<Read> reads = new ArrayList<>();
        LocalFlink.collect(SourceBuilder.fromFormat(env, format, SavedState.type(Types.STRING, type)), "read",
                saved -> reads.add(new Read(saved.key(), saved.value(),
                        Arrays.stream(saved.timers()).boxed().toList())));
        return reads;
    }
}
