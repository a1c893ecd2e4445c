package io.journeyflow.job.serde;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/** An Avro type whose serializer is {@link CompiledAvroSerializer}: Flink's bytes and snapshot, faster. */
public final class CompiledAvroTypeInfo<T extends SpecificRecordBase> extends AvroTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    public CompiledAvroTypeInfo(Class<T> type) {
        super(type);
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new CompiledAvroSerializer<>(getTypeClass());
    }
}
