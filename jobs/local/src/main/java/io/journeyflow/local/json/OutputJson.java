package io.journeyflow.local.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Canonical JSON lines for what the job emits: fixed field order (the schema's), ISO-8601 UTC times, maps sorted by
 * key. Equal records always print equal bytes, which is what lets simulation outputs be compared byte for byte.
 */
public final class OutputJson {

    private OutputJson() {}

    public static String action(Action a) {
        return JsonText.object(json -> {
            json.writeStringField("action_id", a.getActionId());
            json.writeStringField("customer_id", a.getCustomerId());
            json.writeStringField("journey_id", a.getJourneyId());
            json.writeNumberField("journey_version", a.getJourneyVersion());
            json.writeStringField("instance_id", a.getInstanceId());
            json.writeStringField("step_id", a.getStepId());
            json.writeStringField("channel", a.getChannel());
            json.writeStringField("template", a.getTemplate());
            json.writeStringField("category", a.getCategory());
            JsonText.sortedMap(json, "payload", a.getPayload());
            JsonText.time(json, "decided_at", a.getDecidedAt());
            JsonText.stringOrNull(json, "variant", a.getVariant());
            json.writeStringField("reason", a.getReason());
        });
    }

    public static String journeyEvent(JourneyEvent e) {
        return JsonText.object(json -> {
            json.writeStringField("journey_id", e.getJourneyId());
            json.writeNumberField("journey_version", e.getJourneyVersion());
            json.writeStringField("customer_id", e.getCustomerId());
            json.writeStringField("instance_id", e.getInstanceId());
            json.writeStringField("kind", e.getKind().name());
            JsonText.stringOrNull(json, "step_id", e.getStepId());
            JsonText.stringOrNull(json, "reason", e.getReason());
            JsonText.time(json, "ts", e.getTs());
        });
    }

    /** The original bytes print as text when they are UTF-8 (the usual case for files), else as base64. */
    public static String deadLetter(DeadLetter d) {
        return JsonText.object(json -> {
            json.writeStringField("source_topic", d.getSourceTopic());
            json.writeNumberField("partition", d.getPartition());
            json.writeNumberField("offset", d.getOffset());
            json.writeStringField("error_class", d.getErrorClass());
            json.writeStringField("error_message", d.getErrorMessage());
            JsonText.time(json, "record_timestamp", d.getRecordTimestamp());
            bytes(json, "original_key", d.getOriginalKey());
            bytes(json, "original", d.getOriginalBytes());
        });
    }

    public static String erasure(Erasure e) {
        return JsonText.object(json -> {
            json.writeStringField("customer_id", e.getCustomerId());
            json.writeStringField("request_event_id", e.getRequestEventId());
            JsonText.time(json, "requested_at", e.getRequestedAt());
            json.writeBooleanField("had_state", e.getHadState());
            json.writeNumberField("instances_ended", e.getInstancesEnded());
        });
    }

    public static String deployment(JourneyDeployment d) {
        return JsonText.object(json -> {
            json.writeStringField("journey_id", d.getJourneyId());
            if (d.getVersion() == null) {
                json.writeNullField("version");
            } else {
                json.writeNumberField("version", d.getVersion());
            }
            json.writeStringField("status", d.getStatus().name());
            json.writeArrayFieldStart("errors");
            for (String error : d.getErrors()) {
                json.writeString(error);
            }
            json.writeEndArray();
            json.writeStringField("source_topic", d.getSourceTopic());
            json.writeNumberField("partition", d.getPartition());
            json.writeNumberField("offset", d.getOffset());
        });
    }

    private static void bytes(JsonGenerator json, String field, ByteBuffer buffer) throws IOException {
        if (buffer == null) {
            json.writeNullField(field);
            return;
        }
        ByteBuffer view = buffer.duplicate();
        try {
            json.writeStringField(field, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(view)
                    .toString());
        } catch (CharacterCodingException notText) {
            byte[] raw = new byte[buffer.remaining()];
            buffer.duplicate().get(raw);
            json.writeStringField(field + "_base64", Base64.getEncoder().encodeToString(raw));
        }
    }
}
