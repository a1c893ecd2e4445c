package io.journeyflow.job.serde;

import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Customer events as they cross the keyBy to the orchestrator: their fields written one after the other. Flink's Avro
 * serializer resolved the schema of every record on both sides of the network (a tenth of the orchestrator's time);
 * this one knows the record. It serializes streams only: no state holds customer events, so its format can change
 * with any release. Property values are what the Avro schema allows: null, boolean, long, double and string.
 */
public final class CustomerEventSerializer extends TypeSerializerSingleton<CustomerEvent> {

    public static final CustomerEventSerializer INSTANCE = new CustomerEventSerializer();
    private static final long serialVersionUID = 1L;
    private static final byte NULL = 0;
    private static final byte BOOLEAN = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte STRING = 4;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public CustomerEvent createInstance() {
        return new CustomerEvent();
    }

    @Override
    public CustomerEvent copy(CustomerEvent from) {
        return SpecificData.get().deepCopy(CustomerEvent.getClassSchema(), from);
    }

    @Override
    public CustomerEvent copy(CustomerEvent from, CustomerEvent reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CustomerEvent event, DataOutputView target) throws IOException {
        StringValue.writeString(event.getEventId(), target);
        StringValue.writeString(event.getCustomerId(), target);
        StringValue.writeString(event.getType(), target);
        target.writeLong(event.getTs());
        // StringValue writes null as its own length code, so an absent channel needs no flag.
        StringValue.writeString(event.getChannel(), target);
        Map<String, Object> properties = event.getProperties();
        target.writeInt(properties.size());
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            StringValue.writeString(property.getKey(), target);
            writeValue(property.getValue(), target);
        }
    }

    private static void writeValue(Object value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeByte(NULL);
        } else if (value instanceof Boolean flag) {
            target.writeByte(BOOLEAN);
            target.writeBoolean(flag);
        } else if (value instanceof Long number) {
            target.writeByte(LONG);
            target.writeLong(number);
        } else if (value instanceof Double number) {
            target.writeByte(DOUBLE);
            target.writeDouble(number);
        } else if (value instanceof CharSequence text) {
            target.writeByte(STRING);
            StringValue.writeString(text, target);
        } else {
            throw new IllegalArgumentException("a property value of type " + value.getClass().getName()
                    + " is not one the CustomerEvent schema allows (null, boolean, long, double, string)");
        }
    }

    @Override
    public CustomerEvent deserialize(DataInputView source) throws IOException {
        String eventId = StringValue.readString(source);
        String customerId = StringValue.readString(source);
        String type = StringValue.readString(source);
        long ts = source.readLong();
        String channel = StringValue.readString(source);
        int size = source.readInt();
        Map<String, Object> properties = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            properties.put(StringValue.readString(source), readValue(source));
        }
        return new CustomerEvent(eventId, customerId, type, ts, channel, properties);
    }

    private static Object readValue(DataInputView source) throws IOException {
        byte tag = source.readByte();
        return switch (tag) {
            case NULL -> null;
            case BOOLEAN -> source.readBoolean();
            case LONG -> source.readLong();
            case DOUBLE -> source.readDouble();
            case STRING -> StringValue.readString(source);
            default -> throw new IOException("corrupt customer event: property value tag " + tag);
        };
    }

    @Override
    public CustomerEvent deserialize(CustomerEvent reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<CustomerEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the one serializer; written into no state today, but Flink asks every serializer for one. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CustomerEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
