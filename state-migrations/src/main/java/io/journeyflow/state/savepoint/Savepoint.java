package io.journeyflow.state.savepoint;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.state.StateToolException;
import java.io.IOException;
import java.util.Optional;
import org.apache.flink.api.common.io.InputFormat;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.input.KeyedStateInputFormat;
import org.apache.flink.state.api.input.SourceBuilder;
import org.apache.flink.state.api.runtime.MutableConfig;
import org.apache.flink.state.api.runtime.SavepointLoader;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A savepoint (or retained checkpoint) opened for reading, checked before any job runs: the path must hold one, and
 * it must hold the operators a query reads. Every failure is a {@link StateToolException} with a one-line message.
 */
public final class Savepoint {

    /** RocksDB's memory (block cache and write buffers) per reader: one reader per parallel subtask. */
    private static final MemorySize READER_MEMORY = MemorySize.ofMebiBytes(512);

    private final String path;
    private final CheckpointMetadata metadata;

    private Savepoint(String path, CheckpointMetadata metadata) {
        this.path = path;
        this.metadata = metadata;
    }

    /** Loads the savepoint's metadata; a path without one is refused here, with the reason. */
    public static Savepoint open(String path) {
        Path location = new Path(path);
        try {
            FileSystem fs = location.getFileSystem();
            if (!fs.exists(location)) {
                throw new StateToolException("no savepoint at " + path + ": the path does not exist");
            }
            if (!fs.getFileStatus(location).isDir() && !location.getName().equals("_metadata")) {
                throw new StateToolException("no savepoint at " + path + ": give the savepoint's directory");
            }
            return new Savepoint(path, SavepointLoader.loadSavepointMetadata(path));
        } catch (IOException | RuntimeException e) {
            if (e instanceof StateToolException known) {
                throw known;
            }
            throw new StateToolException("no savepoint at " + path + ": " + firstLine(e), e);
        }
    }

    public String path() {
        return path;
    }

    /**
     * Refuses a savepoint that lacks an operator a command needs, telling a savepoint of another job (none of the
     * orchestrator job's uids) from one of this job without that operator.
     */
    public void require(String command, OperatorIds.Id operator) {
        if (has(operator)) {
            return;
        }
        if (JobOperators.ALL.stream().noneMatch(this::has)) {
            throw new StateToolException(path + " is not a savepoint of the Journeyflow job: none of its "
                    + metadata.getOperatorStates().size() + " operators has a Journeyflow uid (no '"
                    + operator.uid() + "'); is it another job's?");
        }
        throw new StateToolException("savepoint " + path + " has no operator with uid '" + operator.uid() + "' ("
                + operator.name() + "), which '" + command + "' reads");
    }

    /** Whether the savepoint holds the operator at all. */
    public boolean has(OperatorIds.Id operator) {
        return find(operator).isPresent();
    }

    /** The number of key groups the operator was written with; a job restoring it must use the same. */
    public int maxParallelism(OperatorIds.Id operator) {
        return find(operator).map(OperatorState::getMaxParallelism).orElseThrow();
    }

    /**
     * Reads one value state of a keyed operator with every key's timers ({@link #require} first tells a user more
     * about a missing operator). A canonical savepoint is read straight from its files
     * ({@link CanonicalValueStateFormat}); a native one, or a retained checkpoint, through Flink's restoring reader.
     */
    public <V> DataStream<SavedState<String, V>> readValueState(StreamExecutionEnvironment env,
            OperatorIds.Id operator, ValueStateDescriptor<V> descriptor, TypeInformation<V> type, KeyFilter keys) {
        if (!has(operator)) {
            throw new StateToolException("savepoint " + path + " has no operator with uid '" + operator.uid() + "'");
        }
        OperatorState state = find(operator).orElseThrow();
        try {
            InputFormat<SavedState<String, V>, ?> format = CanonicalValueStateFormat.canRead(state)
                    ? new CanonicalValueStateFormat<>(state, descriptor.getName(),
                            type.createSerializer(env.getConfig().getSerializerConfig()))
                    : restoringFormat(env, state, descriptor);
            return SourceBuilder.fromFormat(env, format, SavedState.type(Types.STRING, type))
                    .filter(saved -> keys.keeps(saved.key())).name("keys kept");
        } catch (IOException e) {
            throw new StateToolException("cannot read savepoint " + path + ": " + firstLine(e), e);
        }
    }

    /** Flink's savepoint reader: restores the operator's state into a state backend, then reads it key by key. */
    static <V> InputFormat<SavedState<String, V>, ?> restoringFormat(StreamExecutionEnvironment env,
            OperatorState state, ValueStateDescriptor<V> descriptor) throws IOException {
        var reader = new IndexedTimersReaderOperator<>(new ValueStateReader<>(descriptor), Types.STRING);
        return new KeyedStateInputFormat<>(state, backend(), MutableConfig.of(env.getConfiguration()), reader,
                env.getConfig());
    }

    /** How many keys hold the value state: checks what a savepoint writer wrote, since its failures go unreported. */
    public <V> long countKeys(int parallelism, OperatorIds.Id operator, ValueStateDescriptor<V> descriptor,
                              TypeInformation<V> type) {
        return LocalFlink.collect(readValueState(LocalFlink.batch(parallelism), operator, descriptor, type,
                KeyFilter.all()), "counting the keys of " + operator.uid() + " in " + path, saved -> { });
    }

    /**
     * RocksDB for every savepoint the restoring reader reads: native ones can only be read with it, and state restored
     * into a heap backend costs about 2.7 GB of heap per million customers (10 million would not fit on a 24 GB
     * machine). Memory is fixed per reader because the savepoint environment gives a reader 64 MB of managed memory,
     * too little for write buffers while state is restored into the tables.
     */
    private static StateBackend backend() {
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend();
        rocksDb.getMemoryConfiguration().setFixedMemoryPerSlot(READER_MEMORY);
        return rocksDb;
    }

    Optional<OperatorState> find(OperatorIds.Id operator) {
        var id = OperatorIdentifier.forUid(operator.uid()).getOperatorId();
        return metadata.getOperatorStates().stream().filter(s -> s.getOperatorID().equals(id)).findFirst();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
