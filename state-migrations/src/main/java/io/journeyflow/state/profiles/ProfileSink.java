package io.journeyflow.state.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyflow.state.render.CsvWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where exported profiles go: JSON lines ({@code {"customer_id": ..., "profile": {...}}}, written as they come) or
 * CSV (one column per flat profile path; the columns are known only at the end, so rows wait in a temporary file
 * rather than in memory).
 */
public abstract sealed class ProfileSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public abstract void add(String customerId, JsonNode profile, Map<String, String> flat) throws IOException;

    @Override
    public abstract void close() throws IOException;

    public static ProfileSink jsonLines(PrintWriter out) {
        return new JsonLines(out);
    }

    public static ProfileSink csv(PrintWriter out) throws IOException {
        return new Csv(out);
    }

    private static final class JsonLines extends ProfileSink {
        private final PrintWriter out;

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void add(String customerId, JsonNode profile, Map<String, String> flat) {
            ObjectNode line = JSON.createObjectNode().put("customer_id", customerId);
            line.set("profile", profile);
            out.println(line);
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class Csv extends ProfileSink {
        private final PrintWriter out;
        private final Path rows = Files.createTempFile("journeyctl-profiles-", ".jsonl");
        private final BufferedWriter pending = Files.newBufferedWriter(rows, StandardCharsets.UTF_8);
        private final TreeSet<String> columns = new TreeSet<>();

        Csv(PrintWriter out) throws IOException {
            this.out = out;
        }

        @Override
        public void add(String customerId, JsonNode profile, Map<String, String> flat) throws IOException {
            columns.addAll(flat.keySet());
            ObjectNode row = JSON.createObjectNode().put("customer_id", customerId);
            flat.forEach(row::put);
            pending.write(row.toString());
            pending.newLine();
        }

        @Override
        public void close() throws IOException {
            pending.close();
            try (BufferedReader reader = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                CsvWriter csv = new CsvWriter(out);
                List<String> header = new ArrayList<>(List.of("customer_id"));
                header.addAll(columns);
                csv.row(header);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    JsonNode row = JSON.readTree(line);
                    csv.row(header.stream().map(column -> text(row.get(column))).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the CSV from " + rows, e);
            } finally {
                Files.deleteIfExists(rows);
                out.flush();
            }
        }

        private static String text(JsonNode value) {
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
