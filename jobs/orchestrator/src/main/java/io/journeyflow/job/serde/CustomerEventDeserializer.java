package io.journeyflow.job.serde;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads Avro {@link CustomerEvent}s from Kafka. Never throws: a record that is not a usable event becomes a dead
 * letter, because one bad producer must neither stop the job nor lose the evidence.
 */
public final class CustomerEventDeserializer implements KafkaRecordDeserializationSchema<DecodedEvent> {

    private final AvroCodec<CustomerEvent> codec = AvroCodec.of(CustomerEvent.class);
    private final Duration maxFutureSkew;
    private final Clock clock;

    /** @param maxFutureSkew events further ahead of {@code clock} are dead letters; {@code null}: no check */
    public CustomerEventDeserializer(Duration maxFutureSkew, Clock clock) {
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedEvent> out) {
        out.collect(decode(record));
    }

    DecodedEvent decode(ConsumerRecord<byte[], byte[]> record) {
        DecodedEvents.Origin origin = new DecodedEvents.Origin(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), record.timestamp());
        if (record.value() == null) {
            return DecodedEvents.deadLetter(origin, DecodedEvents.INVALID_EVENT, "the record has no value");
        }
        try {
            CustomerEvent event = codec.decode(record.value());
            if (maxFutureSkew != null && event.getTs() > clock.millis() + maxFutureSkew.toMillis()) {
                return DecodedEvents.deadLetter(origin, DecodedEvents.INVALID_EVENT, "ts "
                        + Instant.ofEpochMilli(event.getTs()) + " is more than " + maxFutureSkew
                        + " ahead of the wall clock: it would move event time there and fire every pending deadline");
            }
            return DecodedEvents.checked(event, origin);
        } catch (IOException | RuntimeException e) {
            return DecodedEvents.deadLetter(origin, e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    @Override
    public TypeInformation<DecodedEvent> getProducedType() {
        return StreamTypes.DECODED_EVENT;
    }
}
