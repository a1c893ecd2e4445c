package io.journeyflow.local.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyflow.schema.CustomerEvent;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link CustomerEvent} as one JSON object per line, the file format of simulations and demos:
 * <pre>{"event_id": "e-1", "customer_id": "c-1", "type": "cart_updated", "ts": "2026-11-02T10:15:00Z",
 *  "channel": "web", "properties": {"cart_value": 129.5}}</pre>
 * Parsing is strict (unknown fields, duplicate keys and nested property values are errors) because a typo such as
 * {@code customerId} must become a dead letter with a reason, not an event with a missing customer.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper(JsonText.FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("event_id", "customer_id", "type", "ts", "channel", "properties");

    private EventJson() {}

    public static CustomerEvent parse(String line) throws InvalidEventException {
        JsonNode root = readTree(line);
        if (!root.isObject()) {
            throw new InvalidEventException("expected a JSON object, found "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidEventException("unknown field '" + name + "' (expected "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        return CustomerEvent.newBuilder()
                .setEventId(requiredText(root, "event_id"))
                .setCustomerId(requiredText(root, "customer_id"))
                .setType(requiredText(root, "type"))
                .setTs(timestamp(root.get("ts")))
                .setChannel(optionalText(root, "channel"))
                .setProperties(properties(root.get("properties")))
                .build();
    }

    /** The canonical line for an event: fields in schema order, ISO time, properties sorted, no channel when null. */
    public static String format(CustomerEvent event) {
        return JsonText.object(json -> {
            json.writeStringField("event_id", event.getEventId());
            json.writeStringField("customer_id", event.getCustomerId());
            json.writeStringField("type", event.getType());
            JsonText.time(json, "ts", event.getTs());
            if (event.getChannel() != null) {
                json.writeStringField("channel", event.getChannel());
            }
            JsonText.sortedMap(json, "properties", event.getProperties());
        });
    }

    private static JsonNode readTree(String line) throws InvalidEventException {
        try {
            JsonNode root = MAPPER.readTree(line);
            if (root == null || root.isMissingNode()) {
                throw new InvalidEventException("empty line, expected a JSON object");
            }
            return root;
        } catch (JsonParseException e) {
            throw new InvalidEventException("not valid JSON at column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String requiredText(JsonNode root, String field) throws InvalidEventException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidEventException("missing required field '" + field + "'");
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new InvalidEventException("field '" + field + "' must be a non-empty string, found " + node);
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String field) throws InvalidEventException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidEventException("field '" + field + "' must be a string or null, found " + node);
        }
        return node.textValue();
    }

    private static long timestamp(JsonNode node) throws InvalidEventException {
        if (node == null || node.isNull()) {
            throw new InvalidEventException("missing required field 'ts'");
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                throw new InvalidEventException(
                        "field 'ts' is not an ISO-8601 time with offset (e.g. 2026-11-02T10:15:00Z): " + node);
            }
        }
        throw new InvalidEventException(
                "field 'ts' must be ISO-8601 text or integer epoch milliseconds, found " + node);
    }

    private static Map<String, Object> properties(JsonNode node) throws InvalidEventException {
        Map<String, Object> properties = new HashMap<>();
        if (node == null || node.isNull()) {
            return properties;
        }
        if (!node.isObject()) {
            throw new InvalidEventException("field 'properties' must be an object, found " + node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            properties.put(field.getKey(), scalar(field.getKey(), field.getValue()));
        }
        return properties;
    }

    private static Object scalar(String key, JsonNode value) throws InvalidEventException {
        if (value.isNull()) {
            return null;
        } else if (value.isBoolean()) {
            return value.booleanValue();
        } else if (value.isTextual()) {
            return value.textValue();
        } else if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new InvalidEventException("property '" + key + "' does not fit in a 64-bit integer: " + value);
            }
            return value.longValue();
        } else if (value.isNumber()) {
            return value.doubleValue();
        }
        throw new InvalidEventException("property '" + key + "' must be a string, number, boolean or null, found "
                + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
