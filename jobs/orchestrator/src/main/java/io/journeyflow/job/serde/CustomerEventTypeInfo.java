package io.journeyflow.job.serde;

import io.journeyflow.schema.CustomerEvent;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The type of the customer-event stream between the dead-letter split and the orchestrator: see the serializer. */
public final class CustomerEventTypeInfo extends TypeInformation<CustomerEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<CustomerEvent> getTypeClass() {
        return CustomerEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<CustomerEvent> createSerializer(SerializerConfig config) {
        return CustomerEventSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "CustomerEvent (fields)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return CustomerEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof CustomerEventTypeInfo;
    }
}
