package io.journeyflow.job.serde;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.ControlRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the census topic back into the registry's input, as control records keyed by journey id. Only the job
 * writes that topic; a record it cannot read is logged and skipped, since a missing answer only delays a removal
 * until the next census request.
 */
public final class CensusAnswerDeserializer implements KafkaRecordDeserializationSchema<ControlRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(CensusAnswerDeserializer.class);

    private final AvroCodec<CensusReport> codec = AvroCodec.of(CensusReport.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ControlRecord> out) {
        CensusReport report;
        try {
            report = record.value() == null ? null : codec.decode(record.value());
        } catch (IOException | RuntimeException e) {
            report = null;
        }
        if (report == null) {
            LOG.warn("skipped an unreadable census answer at {}-{} offset {}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        out.collect(ControlRecord.newBuilder()
                .setKey(report.getJourneyId())
                .setSourceTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setCensus(report)
                .build());
    }

    @Override
    public TypeInformation<ControlRecord> getProducedType() {
        return StreamTypes.CONTROL_RECORD;
    }
}
