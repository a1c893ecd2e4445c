package io.journeyflow.bench.growth;

import io.journeyflow.bench.scale.Measurements;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Four charts of the growth runs: throughput and memory (heap, process RSS, checkpointed state) as customers grow
 * (one journey), and as journeys grow (at a fixed number of customers). Drawn with java.awt, headless.
 */
public final class GrowthPlot {

    public static final int WIDTH = 1100;
    public static final int HEIGHT = 760;
    static final Color LOAD = new Color(0x1f77b4);
    static final Color MIXED = new Color(0xd62728);
    static final Color HEAP = new Color(0x2ca02c);
    static final Color STATE = new Color(0x9467bd);
    static final Color RSS = new Color(0xff7f0e);

    private GrowthPlot() {
    }

    /**
     * @param byCustomers runs with one journey and growing customers
     * @param byJourneys runs at one number of customers and growing journeys
     */
    public static BufferedImage draw(List<Measurements> byCustomers, List<Measurements> byJourneys) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int w = WIDTH / 2;
        int h = HEIGHT / 2;
        String customersAt = byJourneys.isEmpty() ? "" : String.format(" (%,d customers)",
                (long) byJourneys.get(0).get("customers"));
        throughput("Throughput as customers grow (1 journey)", "customers", byCustomers, "customers")
                .draw(g, new Rectangle(0, 0, w, h));
        throughput("Throughput as journeys grow" + customersAt, "journeys", byJourneys, "journeys")
                .draw(g, new Rectangle(w, 0, w, h));
        memory("Memory as customers grow (MB, log scale)", "customers", byCustomers, "customers")
                .draw(g, new Rectangle(0, h, w, h));
        memory("Memory as journeys grow (MB, log scale)", "journeys", byJourneys, "journeys")
                .draw(g, new Rectangle(w, h, w, h));
        g.dispose();
        return image;
    }

    private static Panel throughput(String title, String xLabel, List<Measurements> runs, String xKey) {
        return new Panel(title, xLabel, false, List.of(
                series("load (entries) events/s", LOAD, runs, xKey, run -> run.get("load_events_per_s")),
                series("mixed events/s", MIXED, runs, xKey, run -> run.get("mixed_events_per_s"))));
    }

    private static Panel memory(String title, String xLabel, List<Measurements> runs, String xKey) {
        return new Panel(title, xLabel, true, List.of(
                series("heap used MB", HEAP, runs, xKey, run -> GrowthTable.megabytes(run, "heap_used_bytes")),
                series("process RSS MB", RSS, runs, xKey, run -> GrowthTable.megabytes(run, "rss_bytes")),
                series("state MB (checkpoint)", STATE, runs, xKey,
                        run -> GrowthTable.megabytes(run, "checkpoint2_full_bytes"))));
    }

    private static Series series(String name, Color color, List<Measurements> runs, String xKey,
                                 ToDoubleFunction<Measurements> y) {
        List<Measurements> ordered = runs.stream().sorted(Comparator.comparingDouble(run -> run.get(xKey))).toList();
        return new Series(name, color, ordered.stream().map(run -> run.get(xKey)).toList(),
                ordered.stream().map(run -> y.applyAsDouble(run)).toList());
    }
}
