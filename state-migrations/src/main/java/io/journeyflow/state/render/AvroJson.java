package io.journeyflow.state.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Any Avro record as plain JSON, driven by its schema, so fields added to the state show up without code changes.
 * Unlike Avro's own JSON encoding, union values are not wrapped in their type name (an analyst wants {@code 5}, not
 * {@code {"long": 5}}), map entries are sorted by key, and instants are ISO-8601 text.
 *
 * <p>Which longs are instants is a naming convention of the state schemas: epoch milliseconds live in fields named
 * {@code *_at}, {@code at}, {@code deadline} or {@code ts}. The smallest long there reads {@code "not recorded"}.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static JsonNode of(IndexedRecord record) {
        return record == null ? NODES.nullNode() : value(record, record.getSchema(), "");
    }

    /** Whether a long field of this name holds epoch milliseconds. */
    public static boolean isInstant(String fieldName) {
        return fieldName.endsWith("_at") || fieldName.equals("at") || fieldName.equals("deadline")
                || fieldName.equals("ts");
    }

    private static JsonNode value(Object value, Schema schema, String field) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> record((IndexedRecord) value);
            case MAP -> map((Map<?, ?>) value, schema.getValueType(), field);
            case ARRAY -> array((Collection<?>) value, schema.getElementType(), field);
            case UNION -> union(value, schema, field);
            case LONG -> isInstant(field) ? instant((Long) value) : NODES.numberNode((Long) value);
            case INT -> NODES.numberNode((Integer) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case NULL -> NODES.nullNode();
            case STRING, ENUM -> NODES.textNode(value.toString());
        };
    }

    /** The smallest long is a default that marks an older writer, not a time (as {@code timer_at} does). */
    private static JsonNode instant(long epochMillis) {
        return NODES.textNode(epochMillis == Long.MIN_VALUE ? "not recorded"
                : Instant.ofEpochMilli(epochMillis).toString());
    }

    private static ObjectNode record(IndexedRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(record.get(field.pos()), field.schema(), field.name()));
        }
        return node;
    }

    private static ObjectNode map(Map<?, ?> map, Schema valueSchema, String field) {
        ObjectNode node = NODES.objectNode();
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(key.toString(), value));
        sorted.forEach((key, value) -> node.set(key, value(value, valueSchema, field)));
        return node;
    }

    private static ArrayNode array(Collection<?> values, Schema elementSchema, String field) {
        ArrayNode node = NODES.arrayNode();
        values.forEach(value -> node.add(value(value, elementSchema, field)));
        return node;
    }

    private static JsonNode union(Object value, Schema union, String field) {
        int branch;
        try {
            branch = SpecificData.get().resolveUnion(union, value);
        } catch (AvroRuntimeException unresolved) {
            // State built in memory may hold a Java type the union does not name (an Integer for a long): keep it.
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return NODES.numberNode(((Number) value).longValue());
            }
            return value instanceof Number n ? NODES.numberNode(n.doubleValue())
                    : value instanceof Boolean b ? NODES.booleanNode(b) : NODES.textNode(value.toString());
        }
        return value(value, union.getTypes().get(branch), field);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
