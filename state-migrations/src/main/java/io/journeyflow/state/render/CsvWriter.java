package io.journeyflow.state.render;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV: a field is quoted when it holds a comma, a quote, a line break or edge spaces; null is empty. */
public final class CsvWriter {

    private final PrintWriter out;

    public CsvWriter(PrintWriter out) {
        this.out = out;
    }

    public void row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.print(',');
            }
            out.print(quoted(fields.get(i)));
        }
        out.print("\r\n");
    }

    static String quoted(String field) {
        if (field == null) {
            return "";
        }
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                && field.strip().equals(field);
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
