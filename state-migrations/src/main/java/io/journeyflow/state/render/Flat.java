package io.journeyflow.state.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON tree as flat columns: nested object fields joined with dots ({@code attributes.tier},
 * {@code consent.email}), arrays kept as JSON text, JSON null as {@code null}, empty objects as no column at all (an
 * empty map says nothing a missing column would not). The same names serve as CSV columns and as the paths of
 * profile filters.
 */
public final class Flat {

    private Flat() {
    }

    public static Map<String, String> of(JsonNode tree) {
        Map<String, String> columns = new LinkedHashMap<>();
        flatten("", tree, columns);
        return columns;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> columns) {
        if (node.isObject()) {
            node.fields().forEachRemaining(
                    field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                            columns));
        } else if (node.isArray()) {
            columns.put(path, node.toString());
        } else {
            columns.put(path, node.isNull() ? null : node.asText());
        }
    }
}
