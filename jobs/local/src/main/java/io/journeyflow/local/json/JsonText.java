package io.journeyflow.local.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The pieces every canonical JSON line is written with: one factory, ISO times, maps in key order. */
final class JsonText {

    /** Duplicate keys are an error: a line that says two different things must not be silently resolved. */
    static final JsonFactory FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonText() {}

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** One JSON object on one line, fields in the order {@code body} writes them. */
    static String object(Body body) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return text.toString();
    }

    static void time(JsonGenerator json, String field, long epochMillis) throws IOException {
        json.writeStringField(field, Instant.ofEpochMilli(epochMillis).toString());
    }

    static void stringOrNull(JsonGenerator json, String field, CharSequence value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value.toString());
        }
    }

    /** A map sorted by key, so equal maps always print the same bytes whatever their insertion order. */
    static void sortedMap(JsonGenerator json, String field, Map<? extends CharSequence, ?> map) throws IOException {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k.toString(), v));
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            json.writeFieldName(entry.getKey());
            scalar(json, entry.getValue());
        }
        json.writeEndObject();
    }

    private static void scalar(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof CharSequence s) {
            json.writeString(s.toString());
        } else {
            throw new IllegalArgumentException("not a JSON scalar: " + value.getClass().getName());
        }
    }
}
