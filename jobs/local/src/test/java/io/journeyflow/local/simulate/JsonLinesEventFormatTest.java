package io.journeyflow.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DecodedEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesEventFormatTest {

    @TempDir
    Path dir;

    @Test
    void eachLineIsAnEventOrADeadLetterNumberedByLine() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(("{\"event_id\":\"e-1\",\"customer_id\":\"c-1\",\"type\":\"signup\",\"ts\":1000}\n"
                + "\n"
                + "{\"event_id\":\"e-2\",\"customer_id\":\"c-1\",\"type\":\"purchase\",\"ts\":2000}\r\n"
                + "not json\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"', '\n'});
        file.writeBytes("{\"event_id\":\"e-3\",\"customer_id\":\"c-2\",\"type\":\"signup\",\"ts\":3000}".getBytes(StandardCharsets.UTF_8));
        Path events = dir.resolve("events.jsonl");
        Files.write(events, file.toByteArray());

        List<DecodedEvent> decoded = readAll(events);

        assertThat(decoded).hasSize(5);
        assertThat(decoded.get(0).getEvent().getEventId()).isEqualTo("e-1");
        assertThat(decoded.get(1).getEvent().getEventId()).isEqualTo("e-2");
        DeadLetter notJson = decoded.get(2).getDeadLetter();
        assertThat(notJson.getOffset()).isEqualTo(4);
        assertThat(notJson.getSourceTopic()).isEqualTo("in/events.jsonl");
        assertThat(notJson.getErrorMessage()).startsWith("not valid JSON at column ").contains("Unrecognized token 'not'");
        assertThat(StandardCharsets.UTF_8.decode(notJson.getOriginalBytes()).toString()).isEqualTo("not json");
        DeadLetter notUtf8 = decoded.get(3).getDeadLetter();
        assertThat(notUtf8.getOffset()).isEqualTo(5);
        assertThat(notUtf8.getErrorMessage()).isEqualTo("line is not valid UTF-8");
        assertThat(notUtf8.getOriginalBytes().remaining()).isEqualTo(4);
        assertThat(decoded.get(4).getEvent().getEventId()).isEqualTo("e-3");
    }

    private static List<DecodedEvent> readAll(Path file) throws Exception {
        JsonLinesEventFormat format = new JsonLinesEventFormat("in/events.jsonl", null);
        org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(file.toUri());
        List<DecodedEvent> decoded = new ArrayList<>();
        try (StreamFormat.Reader<DecodedEvent> reader = format.createReader(new Configuration(),
                FileSystem.getLocalFileSystem().open(path), Files.size(file), Files.size(file))) {
            for (DecodedEvent next = reader.read(); next != null; next = reader.read()) {
                decoded.add(next);
            }
        }
        return decoded;
    }
}
