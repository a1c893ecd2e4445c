package io.journeyflow.state.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned with spaces for a terminal; numbers (and durations) right-aligned, text left-aligned. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public void add(List<String> row) {
        rows.add(List.copyOf(row));
    }

    public void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        boolean[] right = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            right[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                right[c] &= row.get(c).isEmpty() || Character.isDigit(row.get(c).charAt(0)) || row.get(c).equals("-");
            }
        }
        line(out, header, widths, right);
        for (List<String> row : rows) {
            line(out, row, widths, right);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String format = "%" + (right[c] ? "" : "-") + widths[c] + "s";
            line.append(c == 0 ? "" : "  ").append(String.format(format, cells.get(c)));
        }
        out.println(line.toString().stripTrailing());
    }
}
