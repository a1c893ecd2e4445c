package io.journeyflow.job.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/** The codec's fast writer (the generated classes' own encoders) must write Avro's generic bytes, exactly. */
class AvroCodecTest {

    @Test
    void actionsAreTheBytesAvroItselfWrites() throws Exception {
        AvroCodec<Action> codec = AvroCodec.of(Action.class);
        for (Action action : new Action[] {
            new Action("a-1", "c-1", "cart", 1, "i-1", "reminder", "email", "t", "promotional", Map.of(), 5L, null, "r"),
            new Action("a-2", "c-ü", "cart", 7, "i-2", "nudge", "sms", "t2", "service", Map.of("k", "v", "n", "ö"),
                    -5L, "B", ""),
        }) {
            assertThat(codec.encode(action)).isEqualTo(generic(action));
            assertThat(codec.decode(codec.encode(action))).isEqualTo(action);
        }
    }

    @Test
    void journeyEventsAreTheBytesAvroItselfWrites() throws Exception {
        AvroCodec<JourneyEvent> codec = AvroCodec.of(JourneyEvent.class);
        for (JourneyEvent event : new JourneyEvent[] {
            new JourneyEvent("cart", 1, "c-1", "i-1", JourneyEventKind.entered, null, null, 1L),
            new JourneyEvent("cart", 2, "c-2", "i-2", JourneyEventKind.action_deferred, "reminder", "capped: x", -1L),
        }) {
            assertThat(codec.encode(event)).isEqualTo(generic(event));
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    private static <T extends SpecificRecordBase> byte[] generic(T record) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        @SuppressWarnings("unchecked")
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>((Class<T>) record.getClass());
        writer.write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }
}
