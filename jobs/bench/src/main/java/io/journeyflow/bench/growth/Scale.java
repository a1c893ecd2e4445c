package io.journeyflow.bench.growth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps values onto pixels along one axis, linear or logarithmic (growth over decades of customers reads best on a
 * log axis), and picks the values worth a tick: powers of ten on a log axis, round steps on a linear one.
 *
 * @param from the pixel of {@code min} (may be greater than {@code to}: y grows downwards on screen)
 */
public record Scale(double min, double max, boolean log, int from, int to) {

    public Scale {
        if (!(max > min) || (log && min <= 0)) {
            throw new IllegalArgumentException("need 0 < min < max on a log scale, min < max otherwise: " + min
                    + ".." + max);
        }
    }

    /** A scale that shows every value given, with a margin on a linear one and whole decades on a log one. */
    public static Scale covering(List<Double> values, boolean log, int from, int to) {
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (log) {
            double lowDecade = Math.pow(10, Math.floor(Math.log10(low)));
            double highDecade = Math.pow(10, Math.ceil(Math.log10(high)));
            return new Scale(lowDecade, highDecade > lowDecade ? highDecade : lowDecade * 10, true, from, to);
        }
        return new Scale(0, high > 0 ? high * 1.15 : 1, false, from, to);
    }

    public int pixel(double value) {
        double share = log ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
        return (int) Math.round(from + share * (to - from));
    }

    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double tick = min; tick <= max * 1.0001; tick *= 10) {
                ticks.add(tick);
            }
            return ticks;
        }
        double step = Math.pow(10, Math.floor(Math.log10((max - min) / 2)));
        if ((max - min) / step > 8) {
            step *= 2;
        }
        for (double tick = Math.ceil(min / step) * step; tick <= max; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    /** 10k, 2.5M, 300: short labels for ticks. */
    public static String label(double value) {
        String[] suffixes = {"", "k", "M", "G"};
        int power = 0;
        while (Math.abs(value) >= 1000 && power < suffixes.length - 1) {
            value /= 1000;
            power++;
        }
        String number = value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + suffixes[power];
    }
}
