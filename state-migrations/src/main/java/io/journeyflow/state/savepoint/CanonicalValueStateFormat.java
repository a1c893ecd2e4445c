package io.journeyflow.state.savepoint;

import static org.apache.flink.runtime.state.CompositeKeySerializationUtils.computeRequiredBytesInKeyGroupPrefix;

import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.flink.api.common.io.DefaultInputSplitAssigner;
import org.apache.flink.api.common.io.RichInputFormat;
import org.apache.flink.api.common.io.statistics.BaseStatistics;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputSplitAssigner;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupsSavepointStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.StateSerializerProvider;
import org.apache.flink.runtime.state.restore.FullSnapshotRestoreOperation;
import org.apache.flink.runtime.state.restore.KeyGroup;
import org.apache.flink.runtime.state.restore.SavepointRestoreResult;
import org.apache.flink.runtime.state.restore.ThrowingIterator;
import org.apache.flink.util.IOUtils;
import org.apache.flink.util.StateMigrationException;

/**
 * Reads one value state of a keyed operator, with each key's event-time timers, straight from a canonical savepoint,
 * in one pass and with no state backend. Flink's savepoint reader first restores the savepoint into a backend: every
 * entry written into RocksDB's tables, then read back key by key, which at ten million customers took four minutes
 * against one for a native savepoint (which RocksDB restores by copying its files).
 *
 * <p>Built on Flink's own reader of the format ({@code FullSnapshotRestoreOperation}, marked internal): the savepoint
 * tests compare what this reads with what Flink's restoring reader reads, so a Flink upgrade that changes the format
 * fails them.
 */
final class CanonicalValueStateFormat<V> extends RichInputFormat<SavedState<String, V>, KeyGroupSplit> {

    private static final long serialVersionUID = 1L;

    private final OperatorState operator;
    private final String valueState;
    private final TypeSerializer<V> serializer;

    private transient ThrowingIterator<SavepointRestoreResult> files;
    private transient ThrowingIterator<KeyGroup> keyGroups;
    private transient KeyGroupDecoder<V> decoder;
    private transient ArrayDeque<SavedState<String, V>> decoded;

    CanonicalValueStateFormat(OperatorState operator, String valueState, TypeSerializer<V> serializer) {
        this.operator = operator;
        this.valueState = valueState;
        this.serializer = serializer;
    }

    /** Whether every keyed state file of the operator is in the canonical savepoint format (and there is one). */
    static boolean canRead(OperatorState operator) {
        boolean any = false;
        for (OperatorSubtaskState subtask : operator.getStates()) {
            if (subtask.getRawKeyedState().hasState()) {
                return false;
            }
            for (KeyedStateHandle handle : subtask.getManagedKeyedState()) {
                if (!(handle instanceof KeyGroupsSavepointStateHandle)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    @Override
    public KeyGroupSplit[] createInputSplits(int readers) {
        return KeyGroupSplit.of(operator, readers);
    }

    @Override
    public void open(KeyGroupSplit split) throws IOException {
        decoded = new ArrayDeque<>();
        try {
            files = new FullSnapshotRestoreOperation<>(split.keyGroups(), getRuntimeContext().getUserCodeClassLoader(),
                    split.files(), StateSerializerProvider.fromNewRegisteredSerializer(StringSerializer.INSTANCE))
                    .restore();
        } catch (StateMigrationException e) {
            throw unreadable(e);
        }
    }

    @Override
    public boolean reachedEnd() throws IOException {
        return !decodeMore();
    }

    @Override
    public SavedState<String, V> nextRecord(SavedState<String, V> reuse) throws IOException {
        return decodeMore() ? decoded.poll() : null;
    }

    /** Decodes key groups, file after file, until one yields a key; false when none is left. */
    private boolean decodeMore() throws IOException {
        try {
            while (decoded.isEmpty()) {
                if (keyGroups != null && keyGroups.hasNext()) {
                    decoder.decode(keyGroups.next(), decoded::add);
                } else if (files.hasNext()) {
                    IOUtils.closeQuietly(keyGroups);
                    SavepointRestoreResult file = files.next();
                    decoder = new KeyGroupDecoder<>(file.getStateMetaInfoSnapshots(), valueState, serializer,
                            computeRequiredBytesInKeyGroupPrefix(operator.getMaxParallelism()));
                    keyGroups = file.getRestoredKeyGroups();
                } else {
                    return false;
                }
            }
            return true;
        } catch (StateMigrationException e) {
            throw unreadable(e);
        }
    }

    /** The job's key or state serializer cannot read what the savepoint holds. */
    private static IOException unreadable(StateMigrationException e) {
        return new IOException("cannot read the savepoint: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        IOUtils.closeAllQuietly(keyGroups, files);
        keyGroups = null;
        files = null;
    }

    @Override
    public void configure(Configuration parameters) {
    }

    @Override
    public BaseStatistics getStatistics(BaseStatistics cachedStatistics) {
        return cachedStatistics;
    }

    @Override
    public InputSplitAssigner getInputSplitAssigner(KeyGroupSplit[] splits) {
        return new DefaultInputSplitAssigner(splits);
    }
}
