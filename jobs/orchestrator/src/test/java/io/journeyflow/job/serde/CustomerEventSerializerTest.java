package io.journeyflow.job.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CustomerEventSerializerTest {

    private final CustomerEventSerializer serializer = CustomerEventSerializer.INSTANCE;

    @Test
    void everyFieldAndEveryKindOfPropertySurvivesTheNetwork() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("category", "chaussures é 👟");
        properties.put("cart_value", 12.5);
        properties.put("items", -3L);
        properties.put("gift", true);
        properties.put("coupon", null);
        properties.put("huge", "x".repeat(100_000));
        for (CustomerEvent event : new CustomerEvent[] {
            new CustomerEvent("e-1", "c-1", "cart_updated", 1_700_000_000_000L, "web", properties),
            new CustomerEvent("e-2", "", "page_view", Long.MIN_VALUE, null, Map.of()),
        }) {
            assertThat(roundTrip(event)).isEqualTo(event);
            assertThat(serializer.copy(event)).isEqualTo(event).isNotSameAs(event);
        }
    }

    @Test
    void twoEventsInOneBufferReadBackInOrder() throws Exception {
        CustomerEvent first = new CustomerEvent("e-1", "c-1", "a", 1L, null, Map.of("n", 1L));
        CustomerEvent second = new CustomerEvent("e-2", "c-2", "b", 2L, "sms", Map.of("s", "v"));
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(first, out);
        serializer.serialize(second, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

        assertThat(serializer.deserialize(in)).isEqualTo(first);
        assertThat(serializer.deserialize(in)).isEqualTo(second);
        assertThat(in.available()).isZero();
    }

    @Test
    void aValueTheSchemaDoesNotAllowIsRefusedByName() {
        CustomerEvent event = new CustomerEvent("e-1", "c-1", "a", 1L, null, Map.of("n", 1));

        assertThatThrownBy(() -> serializer.serialize(event, new DataOutputSerializer(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");
    }

    @Test
    void itsSnapshotRestoresItself() {
        assertThat(serializer.snapshotConfiguration().restoreSerializer()).isSameAs(serializer);
        assertThat(serializer.duplicate()).isSameAs(serializer);
    }

    private CustomerEvent roundTrip(CustomerEvent event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(event, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
