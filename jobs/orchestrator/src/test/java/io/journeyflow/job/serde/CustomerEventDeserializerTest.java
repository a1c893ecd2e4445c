package io.journeyflow.job.serde;

import static io.journeyflow.job.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.TestData;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DecodedEvent;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.DeploymentStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CustomerEventDeserializerTest {

    private static final long RECORD_TIME = 1_700_000_000_000L;
    /** The wall clock of these tests: a day after the test data's event times. */
    private static final Instant NOW = Instant.ofEpochMilli(T0).plus(Duration.ofDays(1));
    private final CustomerEventDeserializer deserializer =
            new CustomerEventDeserializer(Duration.ofDays(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anEventFurtherAheadOfTheWallClockThanAllowedIsADeadLetterAndOneWithinIsNot() {
        AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
        long limit = NOW.plus(Duration.ofDays(1)).toEpochMilli();

        DecodedEvent atTheLimit = decode(codec.encode(TestData.event("e-1", "c-1", "tick", limit)));
        DeadLetter beyond = deadLetter(codec.encode(TestData.event("e-2", "c-1", "tick", limit + 1)));
        DecodedEvent unchecked = new CustomerEventDeserializer(null, Clock.fixed(NOW, ZoneOffset.UTC)).decode(
                record(codec.encode(TestData.event("e-3", "c-1", "tick", Long.MAX_VALUE))));

        assertThat(atTheLimit.getDeadLetter()).isNull();
        assertThat(beyond.getErrorMessage()).startsWith("ts " + Instant.ofEpochMilli(limit + 1)
                + " is more than PT24H ahead of the wall clock");
        assertThat(unchecked.getDeadLetter()).as("--max-future-skew none").isNull();
    }

    @Test
    void decodesAValidEvent() {
        CustomerEvent event = TestData.event("e-1", "c-1", "cart_updated", T0);
        event.setProperties(Map.of("cart_value", 129.5, "category", "shoes"));

        DecodedEvent decoded = decode(AvroCodec.of(CustomerEvent.class).encode(event));

        assertThat(decoded.getDeadLetter()).isNull();
        assertThat(decoded.getEvent()).isEqualTo(event);
    }

    @Test
    void garbageBecomesADeadLetterWithEverythingNeededToReplayIt() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = deadLetter(garbage);

        assertThat(letter.getSourceTopic()).isEqualTo("customer-events");
        assertThat(letter.getPartition()).isEqualTo(1);
        assertThat(letter.getOffset()).isEqualTo(42L);
        assertThat(letter.getOriginalKey()).isEqualTo(ByteBuffer.wrap("c-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(letter.getOriginalBytes()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(letter.getRecordTimestamp()).isEqualTo(RECORD_TIME);
        assertThat(letter.getErrorClass()).isNotBlank().isNotEqualTo(DecodedEvents.INVALID_EVENT);
        assertThat(letter.getErrorMessage()).isNotBlank();
    }

    @Test
    void aRecordOfAnotherSchemaIsRefused() {
        JourneyDeployment other = JourneyDeployment.newBuilder().setJourneyId("cart").setVersion(3)
                .setStatus(DeploymentStatus.accepted).setErrors(List.of()).setSourceTopic("journey-definitions")
                .setPartition(0).setOffset(7).build();

        DeadLetter letter = deadLetter(AvroCodec.of(JourneyDeployment.class).encode(other));

        assertThat(letter.getErrorMessage()).isNotBlank();
    }

    @Test
    void eventsWithoutCustomerOrEventIdAreInvalid() {
        AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);

        DeadLetter noCustomer = deadLetter(codec.encode(TestData.event("e-1", "", "cart_updated", T0)));
        DeadLetter noEventId = deadLetter(codec.encode(TestData.event(" ", "c-1", "cart_updated", T0)));

        assertThat(noCustomer.getErrorClass()).isEqualTo(DecodedEvents.INVALID_EVENT);
        assertThat(noCustomer.getErrorMessage()).contains("customer_id");
        assertThat(noEventId.getErrorClass()).isEqualTo(DecodedEvents.INVALID_EVENT);
        assertThat(noEventId.getErrorMessage()).contains("event_id");
    }

    @Test
    void aRecordWithoutValueIsADeadLetterToo() {
        DeadLetter letter = deadLetter(null);

        assertThat(letter.getOriginalBytes()).isNull();
        assertThat(letter.getErrorMessage()).contains("no value");
    }

    private DeadLetter deadLetter(byte[] value) {
        DecodedEvent decoded = decode(value);
        assertThat(decoded.getEvent()).isNull();
        return decoded.getDeadLetter();
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("customer-events", 1, 42L, RECORD_TIME,
                TimestampType.CREATE_TIME, 3, value == null ? 0 : value.length,
                "c-1".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), Optional.empty());
    }

    private DecodedEvent decode(byte[] value) {
        ConsumerRecord<byte[], byte[]> record = record(value);
        List<DecodedEvent> out = new ArrayList<>();
        deserializer.deserialize(record, new Collector<>() {
            @Override
            public void collect(DecodedEvent element) {
                out.add(element);
            }

            @Override
            public void close() {
            }
        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
