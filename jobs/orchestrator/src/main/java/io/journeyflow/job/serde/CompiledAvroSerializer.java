package io.journeyflow.job.serde;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.utils.DataInputDecoder;

/**
 * Flink's Avro serializer for a state type, faster: the same bytes and the same serializer snapshot (so savepoints
 * written before and after restore either way, and the state tools read both), but written by a writer built from the
 * schema ({@link CompiledAvroWriter}) and read by Avro's own compiled reader ({@link FastReaderBuilder}) instead of
 * Avro's resolving decoder, which replays a parser over the schema for every value even when nothing is resolved.
 */
public final class CompiledAvroSerializer<T extends SpecificRecordBase> extends AvroSerializer<T> {

    private static final long serialVersionUID = 1L;
    /** One unusually large customer must not pin its buffer for the rest of the job. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private transient CompiledAvroWriter.ValueWriter writer;
    private transient DataOutputSerializer buffer;
    private transient DatumReader<T> reader;
    private transient DataInputDecoder decoder;

    public CompiledAvroSerializer(Class<T> type) {
        super(type);
    }

    @Override
    public void serialize(T value, DataOutputView target) throws IOException {
        if (writer == null) {
            writer = CompiledAvroWriter.of(schema());
            buffer = new DataOutputSerializer(256);
        }
        if (target instanceof DataOutputSerializer) {
            writer.write(value, target);
            return;
        }
        // A checkpoint stream takes each int and long a byte at a time, through a bounds check per byte: the record
        // is written to memory first and handed over in one call.
        buffer.clear();
        writer.write(value, buffer);
        target.write(buffer.getSharedBuffer(), 0, buffer.length());
        if (buffer.getSharedBuffer().length > MAX_KEPT_BUFFER) {
            buffer = new DataOutputSerializer(256);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        if (reader == null) {
            SpecificData data = new SpecificData(getType().getClassLoader());
            reader = new FastReaderBuilder(data).createDatumReader(schema(), schema());
            decoder = new DataInputDecoder();
        }
        decoder.setIn(source);
        return reader.read(null, decoder);
    }

    /** Never reuses: a fresh record is always correct, and reused nested maps and lists would be shared state. */
    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new CompiledAvroSerializer<>(getType());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompiledAvroSerializer<?> that && that.getType() == getType();
    }

    @Override
    public int hashCode() {
        return getType().hashCode();
    }

    private Schema schema() {
        return new SpecificData(getType().getClassLoader()).getSchema(getType());
    }
}
