package io.journeyflow.bench.growth;

import java.awt.Color;
import java.util.List;

/** One line of a chart: its name in the legend, its colour, and its points in x order. */
public record Series(String name, Color color, List<Double> xs, List<Double> ys) {

    public Series {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException(name + ": " + xs.size() + " x values for " + ys.size() + " y values");
        }
    }
}
