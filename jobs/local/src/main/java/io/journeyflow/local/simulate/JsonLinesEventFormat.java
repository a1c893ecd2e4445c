package io.journeyflow.local.simulate;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.serde.DecodedEvents;
import io.journeyflow.local.json.EventJson;
import io.journeyflow.local.json.InvalidEventException;
import io.journeyflow.schema.DecodedEvent;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSON-lines events file into {@link DecodedEvent}s: each line is an event or, when it cannot be one, a dead
 * letter carrying the line's bytes, the reason and the 1-based line number as offset. Blank lines carry nothing and
 * are skipped (still counted, so line numbers stay true).
 *
 * <p>Not splittable: one reader walks the file in order, which keeps every customer's events in file order (a
 * restore re-reads from the start and skips what was already emitted).
 */
public final class JsonLinesEventFormat extends SimpleStreamFormat<DecodedEvent> {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final String progressRunId;

    /**
     * @param sourceName what dead letters name as their source (the file as the user gave it)
     * @param progressRunId the run whose progress counters to feed, or {@code null}
     */
    public JsonLinesEventFormat(String sourceName, String progressRunId) {
        this.sourceName = sourceName;
        this.progressRunId = progressRunId;
    }

    @Override
    public StreamFormat.Reader<DecodedEvent> createReader(Configuration config, FSDataInputStream stream) {
        SimulationProgress progress = SimulationProgress.of(progressRunId);
        return new LineReader(new BufferedInputStream(stream, 1 << 16), progress.counter(SimulationProgress.LINES),
                progress.counter(SimulationProgress.BYTES));
    }

    @Override
    public TypeInformation<DecodedEvent> getProducedType() {
        return StreamTypes.DECODED_EVENT;
    }

    private final class LineReader implements StreamFormat.Reader<DecodedEvent> {

        private final InputStream in;
        private final AtomicLong linesRead;
        private final AtomicLong bytesRead;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        private long lineNumber;

        LineReader(InputStream in, AtomicLong linesRead, AtomicLong bytesRead) {
            this.in = in;
            this.linesRead = linesRead;
            this.bytesRead = bytesRead;
        }

        @Override
        public DecodedEvent read() throws IOException {
            for (byte[] bytes = nextLine(); bytes != null; bytes = nextLine()) {
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
                } catch (CharacterCodingException e) {
                    return DecodedEvents.deadLetter(origin(bytes), CharacterCodingException.class.getName(),
                            "line is not valid UTF-8");
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    return DecodedEvents.checked(EventJson.parse(text), origin(bytes));
                } catch (InvalidEventException e) {
                    return DecodedEvents.deadLetter(origin(bytes), DecodedEvents.INVALID_EVENT, e.getMessage());
                }
            }
            return null;
        }

        /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the file. */
        private byte[] nextLine() throws IOException {
            line.reset();
            int b = in.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                line.write(b);
                b = in.read();
            }
            lineNumber++;
            linesRead.incrementAndGet();
            bytesRead.addAndGet(line.size() + (b < 0 ? 0 : 1));
            byte[] bytes = line.toByteArray();
            return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
        }

        /** Files carry no record timestamps; 0 rather than the wall clock keeps reruns identical. */
        private DecodedEvents.Origin origin(byte[] bytes) {
            return new DecodedEvents.Origin(sourceName, 0, lineNumber, null, bytes, 0L);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
