package io.journeyflow.job.serde;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import java.io.IOException;
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
            return DecodedEvents.checked(codec.decode(record.value()), origin);
        } catch (IOException | RuntimeException e) {
            return DecodedEvents.deadLetter(origin, e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    @Override
    public TypeInformation<DecodedEvent> getProducedType() {
        return StreamTypes.DECODED_EVENT;
    }
}
