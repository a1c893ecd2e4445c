package io.journeyflow.job.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.utils.DataOutputEncoder;

/**
 * Writes Avro records in exactly the bytes of Flink's {@link AvroSerializer}: Avro's structure with the primitives of
 * Flink's {@code DataOutputEncoder} (ints and longs fixed-width, string and byte lengths as 4-byte ints, union branches
 * as 4-byte ints, block counts as variable-length longs, each block list closed by a zero byte), from writers built
 * once from the schema. Avro's own writer resolves every union branch and field by name on every call; for the
 * customer's state, written on every event with RocksDB and for every customer at each heap checkpoint, that lookup
 * work was most of the time the state took.
 *
 * <p>Covers the types the state schemas use (records, unions, maps, arrays, strings, bytes, booleans, ints, longs,
 * doubles, null) and refuses any other type, or a logical type, when it is built, so that it never writes bytes Flink
 * would not.
 */
final class CompiledAvroWriter {

    @FunctionalInterface
    interface ValueWriter {
        void write(Object value, DataOutputView out) throws IOException;
    }

    /** Record writers by full name, filled before their fields are built so that a recursive schema terminates. */
    private final Map<String, ValueWriter[]> records = new HashMap<>();

    private CompiledAvroWriter() {
    }

    static ValueWriter of(Schema schema) {
        return new CompiledAvroWriter().writer(schema);
    }

    private ValueWriter writer(Schema schema) {
        if (schema.getLogicalType() != null) {
            throw new IllegalArgumentException("logical types are not supported: " + schema);
        }
        return switch (schema.getType()) {
            case NULL -> (value, out) -> { };
            case BOOLEAN -> (value, out) -> out.writeBoolean((Boolean) value);
            case INT -> (value, out) -> out.writeInt((Integer) value);
            case LONG -> (value, out) -> out.writeLong((Long) value);
            case DOUBLE -> (value, out) -> out.writeDouble((Double) value);
            case STRING -> CompiledAvroWriter::writeString;
            case BYTES -> CompiledAvroWriter::writeBytes;
            case ARRAY -> array(schema.getElementType(), writer(schema.getElementType()));
            case MAP -> map(writer(schema.getValueType()));
            case UNION -> union(schema);
            case RECORD -> record(schema);
            default -> throw new IllegalArgumentException("Avro type " + schema.getType() + " is not supported");
        };
    }

    private static void writeString(Object value, DataOutputView out) throws IOException {
        if (value instanceof Utf8 utf8) {
            writeLengthAndBytes(utf8.getBytes(), utf8.getByteLength(), out);
        } else {
            byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
            writeLengthAndBytes(bytes, bytes.length, out);
        }
    }

    private static void writeBytes(Object value, DataOutputView out) throws IOException {
        ByteBuffer buffer = (ByteBuffer) value;
        int length = buffer.remaining();
        out.writeInt(length);
        if (length > 0 && buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        } else if (length > 0) {
            byte[] bytes = new byte[length];
            buffer.duplicate().get(bytes);
            out.write(bytes);
        }
    }

    private static void writeLengthAndBytes(byte[] bytes, int length, DataOutputView out) throws IOException {
        out.writeInt(length);
        if (length > 0) {
            out.write(bytes, 0, length);
        }
    }

    /** Arrays of longs (event hashes, daily activity counts) are most of a busy customer's state: no call per item. */
    private static ValueWriter array(Schema elementSchema, ValueWriter element) {
        boolean longs = elementSchema.getType() == Schema.Type.LONG;
        return (value, out) -> {
            Collection<?> items = (Collection<?>) value;
            writeCount(items.size(), out);
            for (Object item : items) {
                if (longs) {
                    out.writeLong((Long) item);
                } else {
                    element.write(item, out);
                }
            }
            out.write(0);
        };
    }

    private static ValueWriter map(ValueWriter valueWriter) {
        return (value, out) -> {
            Map<?, ?> entries = (Map<?, ?>) value;
            writeCount(entries.size(), out);
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                writeString(entry.getKey().toString(), out);
                valueWriter.write(entry.getValue(), out);
            }
            out.write(0);
        };
    }

    /** A block's item count as Flink's encoder writes it: nothing for an empty block, else its variable-length long. */
    private static void writeCount(long count, DataOutputView out) throws IOException {
        if (count > 0) {
            DataOutputEncoder.writeVarLongCount(out, count);
        }
    }

    private ValueWriter union(Schema schema) {
        List<Schema> branches = schema.getTypes();
        ValueWriter[] writers = new ValueWriter[branches.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writer(branches.get(i));
        }
        UnionBranches branchOf = new UnionBranches(schema);
        return (value, out) -> {
            int branch = branchOf.of(value);
            if (branch < 0) {
                throw new AvroRuntimeException("no branch of " + schema + " holds "
                        + (value == null ? "null" : "a " + value.getClass().getName()));
            }
            out.writeInt(branch);
            writers[branch].write(value, out);
        };
    }

    private ValueWriter record(Schema schema) {
        ValueWriter[] known = records.get(schema.getFullName());
        if (known != null) {
            return (value, out) -> known[0].write(value, out);
        }
        ValueWriter[] self = new ValueWriter[1];
        records.put(schema.getFullName(), self);
        List<Schema.Field> fields = schema.getFields();
        ValueWriter[] writers = new ValueWriter[fields.size()];
        for (Schema.Field field : fields) {
            writers[field.pos()] = nonNull(schema, field, writer(field.schema()));
        }
        self[0] = (value, out) -> {
            IndexedRecord record = (IndexedRecord) value;
            for (int i = 0; i < writers.length; i++) {
                writers[i].write(record.get(i), out);
            }
        };
        return self[0];
    }

    private static ValueWriter nonNull(Schema record, Schema.Field field, ValueWriter writer) {
        Schema.Type type = field.schema().getType();
        if (type == Schema.Type.NULL || type == Schema.Type.UNION) {
            return writer;
        }
        String where = record.getFullName() + "." + field.name();
        return (value, out) -> {
            if (value == null) {
                throw new NullPointerException("null value for the non-nullable field " + where);
            }
            writer.write(value, out);
        };
    }
}
