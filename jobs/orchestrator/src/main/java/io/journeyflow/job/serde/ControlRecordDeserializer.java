package io.journeyflow.job.serde;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.ControlRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the journey control topic: key = journey id, value = the document as UTF-8 text, no value = retire. Never
 * throws: judging the document is the registry's job, which answers every record.
 */
public final class ControlRecordDeserializer implements KafkaRecordDeserializationSchema<ControlRecord> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ControlRecord> out) {
        out.collect(ControlRecord.newBuilder()
                .setKey(text(record.key()))
                .setText(text(record.value()))
                .setSourceTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .build());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<ControlRecord> getProducedType() {
        return StreamTypes.CONTROL_RECORD;
    }
}
