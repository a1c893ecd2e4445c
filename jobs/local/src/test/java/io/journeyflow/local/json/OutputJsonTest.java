package io.journeyflow.local.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputJsonTest {

    @Test
    void actionFieldsComeInSchemaOrderWithSortedPayloadAndIsoTime() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("z", "1");
        payload.put("discount", "5%");
        Action action = Action.newBuilder().setActionId("a-1").setCustomerId("c-1").setJourneyId("cart").setJourneyVersion(2)
                .setInstanceId("i-1").setStepId("reminder").setChannel("email").setTemplate("cart-reminder-1")
                .setCategory("promotional").setPayload(payload).setDecidedAt(1793617200000L).setVariant(null)
                .setReason("wait-1h elapsed").build();

        assertThat(OutputJson.action(action)).isEqualTo("{\"action_id\":\"a-1\",\"customer_id\":\"c-1\",\"journey_id\":\"cart\","
                + "\"journey_version\":2,\"instance_id\":\"i-1\",\"step_id\":\"reminder\",\"channel\":\"email\","
                + "\"template\":\"cart-reminder-1\",\"category\":\"promotional\",\"payload\":{\"discount\":\"5%\",\"z\":\"1\"},"
                + "\"decided_at\":\"2026-11-02T11:00:00Z\",\"variant\":null,\"reason\":\"wait-1h elapsed\"}");
    }

    @Test
    void journeyEventPrintsKindByNameAndNullsExplicitly() {
        JourneyEvent event = new JourneyEvent("cart", 1, "c-1", "i-1", JourneyEventKind.entered, null, null, 1793614500000L);

        assertThat(OutputJson.journeyEvent(event)).isEqualTo("{\"journey_id\":\"cart\",\"journey_version\":1,"
                + "\"customer_id\":\"c-1\",\"instance_id\":\"i-1\",\"kind\":\"entered\",\"step_id\":null,\"reason\":null,"
                + "\"ts\":\"2026-11-02T10:15:00Z\"}");
    }

    @Test
    void deadLetterKeepsTextAsTextAndOtherBytesAsBase64() {
        DeadLetter text = deadLetter(ByteBuffer.wrap("{oops".getBytes(StandardCharsets.UTF_8)));
        DeadLetter binary = deadLetter(ByteBuffer.wrap(new byte[] {(byte) 0xC3, (byte) 0x28}));

        assertThat(OutputJson.deadLetter(text)).isEqualTo("{\"source_topic\":\"events.jsonl\",\"partition\":0,\"offset\":7,"
                + "\"error_class\":\"X\",\"error_message\":\"bad\",\"record_timestamp\":\"1970-01-01T00:00:00Z\","
                + "\"original_key\":null,\"original\":\"{oops\"}");
        assertThat(OutputJson.deadLetter(binary)).endsWith("\"original_key\":null,\"original_base64\":\"wyg=\"}");
    }

    private static DeadLetter deadLetter(ByteBuffer bytes) {
        return DeadLetter.newBuilder().setSourceTopic("events.jsonl").setPartition(0).setOffset(7).setOriginalBytes(bytes)
                .setErrorClass("X").setErrorMessage("bad").setRecordTimestamp(0).build();
    }
}
