package io.journeyflow.bench.scale;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named figures of one benchmark run, in the order they were taken, as one {@code key=value ...} line: what the
 * scale benchmark prints and the growth report reads back.
 */
public final class Measurements {

    /** Lines that carry measurements start with this, so they can be picked out of a log. */
    public static final String PREFIX = "measured";

    private final Map<String, Double> values = new LinkedHashMap<>();

    public Measurements put(String key, double value) {
        if (key.isEmpty() || key.contains("=") || key.contains(" ")) {
            throw new IllegalArgumentException("a measurement's name needs no '=' and no space: '" + key + "'");
        }
        values.put(key, value);
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public double get(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no measurement '" + key + "' in: " + toLine());
        }
        return value;
    }

    /** Whole numbers are written without a fraction, others with three decimals. */
    public String toLine() {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(
                value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) (double) value) : String.format(Locale.ROOT, "%.3f", value)));
        return line.toString();
    }

    /** Reads a line written by {@link #toLine}; anything else is refused with the line in the message. */
    public static Measurements parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (!words[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a measurement line (no '" + PREFIX + "' first): " + line);
        }
        Measurements measurements = new Measurements();
        for (int i = 1; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            try {
                measurements.put(words[i].substring(0, Math.max(equals, 0)),
                        Double.parseDouble(words[i].substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad measurement '" + words[i] + "' in: " + line, e);
            }
        }
        return measurements;
    }
}
