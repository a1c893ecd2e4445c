package io.journeyflow.local.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.schema.CustomerEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

    private static final String DESIGN_EXAMPLE = "{\"event_id\": \"e-1029\", \"customer_id\": \"c-17\", \"type\": \"cart_updated\","
            + " \"ts\": \"2026-11-02T10:15:00Z\", \"channel\": \"web\", \"properties\": {\"cart_value\": 129.5, \"category\": \"shoes\"}}";

    @Test
    void parsesTheDocumentedExample() throws Exception {
        CustomerEvent event = EventJson.parse(DESIGN_EXAMPLE);

        assertThat(event.getEventId()).isEqualTo("e-1029");
        assertThat(event.getCustomerId()).isEqualTo("c-17");
        assertThat(event.getType()).isEqualTo("cart_updated");
        assertThat(event.getTs()).isEqualTo(Instant.parse("2026-11-02T10:15:00Z").toEpochMilli());
        assertThat(event.getChannel()).isEqualTo("web");
        assertThat(event.getProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("cart_value", 129.5, "category", "shoes"));
    }

    @Test
    void propertyNumbersAreLongWhenIntegralAndDoubleOtherwise() throws Exception {
        CustomerEvent event = EventJson.parse("{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0,"
                + "\"properties\":{\"items\":3,\"value\":3.0,\"big\":9007199254740993,\"vip\":true,\"note\":null}}");

        assertThat(event.getProperties().get("items")).isEqualTo(3L);
        assertThat(event.getProperties().get("value")).isEqualTo(3.0d);
        assertThat(event.getProperties().get("big")).isEqualTo(9007199254740993L);
        assertThat(event.getProperties().get("vip")).isEqualTo(true);
        assertThat(event.getProperties()).containsEntry("note", null);
        assertThat(event.getChannel()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1793614500000               | 2026-11-02T10:15:00Z",
        "\"2026-11-02T11:15:00+01:00\" | 2026-11-02T10:15:00Z",
        "\"2026-11-02T10:15:00.250Z\"  | 2026-11-02T10:15:00.250Z",
        "\"2026-11-02T10:15Z\"         | 2026-11-02T10:15:00Z"})
    void acceptsEpochMillisAndIsoTimes(String ts, String expected) throws Exception {
        CustomerEvent event = EventJson.parse("{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":" + ts + "}");

        assertThat(Instant.ofEpochMilli(event.getTs())).isEqualTo(Instant.parse(expected));
    }

    @Test
    void formatsCanonicallyAndRoundTrips() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("z", "last");
        properties.put("a", 1L);
        properties.put("m", 2.5);
        properties.put("n", null);
        properties.put("b", false);
        CustomerEvent event = new CustomerEvent("e-1", "c-1", "purchase", 1793614500123L, null, properties);

        String line = EventJson.format(event);

        assertThat(line).isEqualTo("{\"event_id\":\"e-1\",\"customer_id\":\"c-1\",\"type\":\"purchase\","
                + "\"ts\":\"2026-11-02T10:15:00.123Z\",\"properties\":{\"a\":1,\"b\":false,\"m\":2.5,\"n\":null,\"z\":\"last\"}}");
        assertThat(EventJson.parse(line)).isEqualTo(event);
        assertThat(EventJson.format(EventJson.parse(DESIGN_EXAMPLE))).isEqualTo("{\"event_id\":\"e-1029\",\"customer_id\":\"c-17\","
                + "\"type\":\"cart_updated\",\"ts\":\"2026-11-02T10:15:00Z\",\"channel\":\"web\","
                + "\"properties\":{\"cart_value\":129.5,\"category\":\"shoes\"}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"event_id\":\"e\",`                                                 | not valid JSON at column",
        "`[1, 2]`                                                                | expected a JSON object, found array",
        "`{\"event_id\":\"e\",\"type\":\"t\",\"ts\":0}`                          | missing required field 'customer_id'",
        "`{\"event_id\":\"e\",\"customer_id\":\" \",\"type\":\"t\",\"ts\":0}`    | field 'customer_id' must be a non-empty string",
        "`{\"event_id\":7,\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0}`        | field 'event_id' must be a non-empty string, found 7",
        "`{\"event_id\":\"e\",\"customerId\":\"c\",\"type\":\"t\",\"ts\":0}`     | unknown field 'customerId'",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\"}`             | missing required field 'ts'",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":\"yesterday\"}` | field 'ts' is not an ISO-8601 time",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":1.5}`  | field 'ts' must be ISO-8601 text or integer epoch milliseconds",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0,\"channel\":1}` | field 'channel' must be a string or null",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0,\"properties\":[]}` | field 'properties' must be an object",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0,\"properties\":{\"x\":{}}}` | property 'x' must be a string, number, boolean or null, found object",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0,\"properties\":{\"x\":123456789012345678901234}}` | property 'x' does not fit in a 64-bit integer",
        "`{\"event_id\":\"e\",\"event_id\":\"f\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0}` | Duplicate field 'event_id'",
        "`{\"event_id\":\"e\",\"customer_id\":\"c\",\"type\":\"t\",\"ts\":0} {}`  | not valid JSON"})
    void rejectsBadLinesWithAPreciseReason(String line, String reason) {
        assertThatThrownBy(() -> EventJson.parse(line))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }
}
