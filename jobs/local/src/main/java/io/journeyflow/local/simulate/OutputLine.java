package io.journeyflow.local.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One canonical JSON output line and its parsed form, so that sorting and summing need not re-parse it. */
public record OutputLine(String text, JsonNode json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static OutputLine parse(String text) {
        try {
            return new OutputLine(text, MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON output line: " + text, e);
        }
    }

    /** The field as text; "-" when it is missing or null, which is how summaries show absent values. */
    public String field(String name) {
        JsonNode node = json.path(name);
        return node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }
}
