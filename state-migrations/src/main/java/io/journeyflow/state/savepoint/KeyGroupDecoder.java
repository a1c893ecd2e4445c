package io.journeyflow.state.savepoint;

import static org.apache.flink.runtime.state.CompositeKeySerializationUtils.isAmbiguousKeyPossible;
import static org.apache.flink.runtime.state.CompositeKeySerializationUtils.readKey;
import static org.apache.flink.runtime.state.CompositeKeySerializationUtils.readKeyGroup;
import static org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot.CommonSerializerKeys.NAMESPACE_SERIALIZER;
import static org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot.CommonSerializerKeys.VALUE_SERIALIZER;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.runtime.state.StateSerializerProvider;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot;
import org.apache.flink.runtime.state.restore.KeyGroup;
import org.apache.flink.runtime.state.restore.KeyGroupEntry;
import org.apache.flink.runtime.state.restore.ThrowingIterator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.util.StateMigrationException;

/**
 * Turns the entries of one key group of a canonical savepoint into {@link SavedState}s: one value state's keys and
 * values, each with its event-time timers. A key group holds every entry of one state before the next state's, so
 * the values wait until the group's timers are read. Like Flink's restoring reader: a key with timers but without the
 * value is not a key of the state, and values written with an older serializer are read through it.
 */
final class KeyGroupDecoder<V> {

    /** The state Flink keeps the event-time timers of that timer service in (its name prefix is package-private). */
    private static final String EVENT_TIMERS = "_timer_state/event_" + IndexedTimersReaderOperator.USER_TIMERS;
    private static final int ABSENT = -1;

    private final int keyGroupPrefixBytes;
    private final int valueStateId;
    private final int timersId;
    private final TypeSerializer<V> values;
    private final boolean ambiguousKey;
    private final TypeSerializer<InternalTimer<String, ?>> timers;
    private final DataInputDeserializer keyBytes = new DataInputDeserializer();
    private final DataInputDeserializer valueBytes = new DataInputDeserializer();
    private final List<String> keys = new ArrayList<>();
    private final List<byte[]> valuesOfKeys = new ArrayList<>();

    /**
     * @param states the state meta data of one savepoint file; an entry's state id is its position here
     * @param current the serializer the job registers the value state with
     */
    @SuppressWarnings("unchecked")
    KeyGroupDecoder(List<StateMetaInfoSnapshot> states, String valueState, TypeSerializer<V> current,
                    int keyGroupPrefixBytes) throws IOException {
        this.keyGroupPrefixBytes = keyGroupPrefixBytes;
        this.valueStateId = idOf(states, valueState);
        this.timersId = idOf(states, EVENT_TIMERS);
        if (valueStateId == ABSENT) {
            values = null;
            ambiguousKey = false;
        } else {
            StateMetaInfoSnapshot value = states.get(valueStateId);
            values = readerOf(current, (TypeSerializerSnapshot<V>) value.getTypeSerializerSnapshot(VALUE_SERIALIZER),
                    valueState);
            ambiguousKey = isAmbiguousKeyPossible(StringSerializer.INSTANCE,
                    value.getTypeSerializerSnapshot(NAMESPACE_SERIALIZER).restoreSerializer());
        }
        timers = timersId == ABSENT ? null : (TypeSerializer<InternalTimer<String, ?>>)
                states.get(timersId).getTypeSerializerSnapshot(VALUE_SERIALIZER).restoreSerializer();
    }

    /** Hands every key of the value state in the group to {@code out}. */
    void decode(KeyGroup group, Consumer<SavedState<String, V>> out) throws IOException, StateMigrationException {
        TimerIndex<String> groupTimers = new TimerIndex<>();
        keys.clear();
        valuesOfKeys.clear();
        try (ThrowingIterator<KeyGroupEntry> entries = group.getKeyGroupEntries()) {
            while (entries.hasNext()) {
                KeyGroupEntry entry = entries.next();
                keyBytes.setBuffer(entry.getKey());
                if (entry.getKvStateId() == valueStateId) {
                    readKeyGroup(keyGroupPrefixBytes, keyBytes);
                    keys.add(readKey(StringSerializer.INSTANCE, keyBytes, ambiguousKey));
                    valuesOfKeys.add(entry.getValue());
                } else if (entry.getKvStateId() == timersId) {
                    keyBytes.skipBytesToRead(keyGroupPrefixBytes);
                    InternalTimer<String, ?> timer = timers.deserialize(keyBytes);
                    if (timer.getNamespace() instanceof VoidNamespace) {
                        groupTimers.add(timer.getKey(), timer.getTimestamp());
                    }
                }
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            valueBytes.setBuffer(valuesOfKeys.get(i));
            out.accept(new SavedState<>(keys.get(i), values.deserialize(valueBytes), groupTimers.take(keys.get(i))));
        }
    }

    /**
     * What reads the savepoint's bytes: the job's serializer when the state was written in its current form, the
     * savepoint's own when the form has since changed compatibly (an older schema of the state), as Flink's restore
     * does before it migrates the values.
     */
    private static <V> TypeSerializer<V> readerOf(TypeSerializer<V> current, TypeSerializerSnapshot<V> written,
                                                  String state) throws IOException {
        StateSerializerProvider<V> provider = StateSerializerProvider.fromNewRegisteredSerializer(current);
        TypeSerializerSchemaCompatibility<V> compatibility =
                provider.setPreviousSerializerSnapshotForRestoredState(written);
        if (compatibility.isIncompatible()) {
            throw new IOException("state '" + state + "' was written in a form this version cannot read ("
                    + compatibility + ")");
        }
        return compatibility.isCompatibleAfterMigration() ? provider.previousSchemaSerializer()
                : provider.currentSchemaSerializer();
    }

    private static int idOf(List<StateMetaInfoSnapshot> states, String name) {
        for (int id = 0; id < states.size(); id++) {
            if (states.get(id).getName().equals(name)) {
                return id;
            }
        }
        return ABSENT;
    }
}
