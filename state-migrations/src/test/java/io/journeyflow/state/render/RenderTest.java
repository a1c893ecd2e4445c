package io.journeyflow.state.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class RenderTest {

    /** A profile as it may look once it grows: fields this tool has never heard of must still show. */
    private static final Schema GROWN_PROFILE = new Schema.Parser().parse("""
            {"type": "record", "name": "Profile", "fields": [
              {"name": "attributes", "type": {"type": "map", "values": ["null", "boolean", "long", "double", "string"]}},
              {"name": "updated_at", "type": "long"},
              {"name": "contact_ledger", "type": {"type": "array", "items": {"type": "record", "name": "Contact",
                "fields": [{"name": "channel", "type": "string"}, {"name": "sent_at", "type": "long"}]}}},
              {"name": "suppressed_until", "type": ["null", "long"]}
            ]}""");

    @Test
    void recordsRenderFromTheirSchemaWithPlainUnionsSortedMapsAndIsoInstants() {
        Schema contact = GROWN_PROFILE.getField("contact_ledger").schema().getElementType();
        GenericRecord sent = new GenericData.Record(contact);
        sent.put("channel", "email");
        sent.put("sent_at", 1_740_823_200_000L);
        GenericRecord profile = new GenericData.Record(GROWN_PROFILE);
        // An Integer is what an in-memory map may hold where the schema only knows long: it must still render.
        profile.put("attributes", Map.of("tier", "gold", "orders", 3, "ltv", 12.5, "vip", true));
        profile.put("updated_at", 1_740_823_200_000L);
        profile.put("contact_ledger", List.of(sent));
        profile.put("suppressed_until", null);

        JsonNode json = AvroJson.of(profile);

        assertThat(json.toString()).isEqualTo("{\"attributes\":{\"ltv\":12.5,\"orders\":3,\"tier\":\"gold\","
                + "\"vip\":true},\"updated_at\":\"2025-03-01T10:00:00Z\",\"contact_ledger\":[{\"channel\":\"email\","
                + "\"sent_at\":\"2025-03-01T10:00:00Z\"}],\"suppressed_until\":null}");
        Map<String, String> flat = Flat.of(json);
        assertThat(flat.keySet()).containsExactly("attributes.ltv", "attributes.orders", "attributes.tier",
                "attributes.vip", "updated_at", "contact_ledger", "suppressed_until");
        assertThat(flat).containsEntry("attributes.orders", "3").containsEntry("attributes.vip", "true")
                .containsEntry("contact_ledger", "[{\"channel\":\"email\",\"sent_at\":\"2025-03-01T10:00:00Z\"}]");
        assertThat(flat.get("suppressed_until")).isNull();
    }

    @Test
    void theSmallestLongInAnInstantFieldIsNotATime() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Timed", "fields": [{"name": "timer_at", "type": ["long", "null"]}]}""");
        GenericRecord written = new GenericData.Record(schema);
        written.put("timer_at", Long.MIN_VALUE);

        assertThat(AvroJson.of(written).toString()).isEqualTo("{\"timer_at\":\"not recorded\"}");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(CsvWriter.quoted("gold")).isEqualTo("gold");
        assertThat(CsvWriter.quoted("silver, plus")).isEqualTo("\"silver, plus\"");
        assertThat(CsvWriter.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.quoted(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvWriter.quoted(null)).isEmpty();
    }
}
