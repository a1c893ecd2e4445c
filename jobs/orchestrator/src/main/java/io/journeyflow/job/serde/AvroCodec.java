package io.journeyflow.job.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro binary encoding of one record type, the wire format of every Journeyflow topic. Readers and writers are built
 * lazily and reused; one instance per operator instance (not thread-safe).
 */
public final class AvroCodec<T extends SpecificRecordBase> implements Serializable {

    private final Class<T> type;
    private transient SpecificDatumWriter<T> writer;
    private transient SpecificDatumReader<T> reader;
    private transient ByteArrayOutputStream buffer;
    private transient BinaryEncoder encoder;
    private transient BinaryDecoder decoder;

    public AvroCodec(Class<T> type) {
        this.type = type;
    }

    public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
        return new AvroCodec<>(type);
    }

    public byte[] encode(T record) {
        if (writer == null) {
            SpecificData model = model();
            writer = new SpecificDatumWriter<>(model.getSchema(type), model);
            buffer = new ByteArrayOutputStream(256);
        }
        buffer.reset();
        // Buffered: the direct encoder writes field by field into the (synchronized) stream, a cost per byte.
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
        }
        return buffer.toByteArray();
    }

    /**
     * The generated classes' own encoders and decoders (Avro's "custom coders"): the same bytes as the generic
     * ones, without resolving each union and field by schema lookups. Avro 1.11 turns them on only by a system
     * property, which this sets for this codec's writer alone (reading stays generic: it must survive any bytes).
     */
    private SpecificData model() {
        SpecificData model = new SpecificData(type.getClassLoader());
        model.setCustomCoders(true);
        return model;
    }

    /**
     * Decodes exactly one record. Avro binary carries no schema, so bytes written with another schema may still
     * decode; requiring every byte to be consumed catches most of those.
     *
     * @throws IOException or {@link RuntimeException} (Avro's own) when the bytes are not one such record
     */
    public T decode(byte[] bytes) throws IOException {
        if (reader == null) {
            reader = new SpecificDatumReader<>(type);
        }
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        T record = reader.read(null, decoder);
        if (!decoder.isEnd()) {
            throw new AvroRuntimeException("bytes left over after a complete " + type.getSimpleName()
                    + ": written with another schema?");
        }
        return record;
    }
}
