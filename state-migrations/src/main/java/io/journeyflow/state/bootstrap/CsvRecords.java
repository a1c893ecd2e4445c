package io.journeyflow.state.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records: comma-separated, fields optionally in double quotes (a quote inside doubled), quoted
 * fields may span lines, lines end in LF or CRLF. Knows the line each record starts on, for error messages.
 */
final class CsvRecords {

    private final Reader in;
    private int peeked = -2;
    private long line = 1;
    private long recordLine;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next} started on (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException {
        if (peek() == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new CrmRowException(recordLine, "a quoted field is never closed");
                }
                if (c == '"' && peek() == '"') {
                    read();
                    field.append('"');
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == -1 || c == '\n' || c == '\r' && peek() == '\n') {
                if (c == '\r') {
                    read();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
