package io.journeyflow.bench.growth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/** One chart: axes with ticks and labels, one line with dots per series, and a legend. */
public record Panel(String title, String xLabel, boolean logY, List<Series> series) {

    private static final int LEFT = 64;
    private static final int BOTTOM = 44;
    private static final int TOP = 28;
    private static final int RIGHT = 16;

    public void draw(Graphics2D g, Rectangle area) {
        int left = area.x + LEFT;
        int right = area.x + area.width - RIGHT;
        int top = area.y + TOP;
        int bottom = area.y + area.height - BOTTOM;
        Scale x = Scale.covering(series.stream().flatMap(s -> s.xs().stream()).toList(), true, left, right);
        Scale y = Scale.covering(series.stream().flatMap(s -> s.ys().stream()).toList(), logY, bottom, top);

        g.setColor(Color.BLACK);
        g.drawString(title, left, area.y + 18);
        g.drawString(xLabel, (left + right) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, bottom + 36);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, bottom, left, top);
        for (double tick : x.ticks()) {
            int px = x.pixel(tick);
            String label = Scale.label(tick);
            gridLine(g, px, top, px, bottom, label, px - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
        }
        for (double tick : y.ticks()) {
            int py = y.pixel(tick);
            String label = Scale.label(tick);
            gridLine(g, left, py, right, py, label, left - 6 - g.getFontMetrics().stringWidth(label), py + 5);
        }
        int legendY = top + 14;
        for (Series line : series) {
            g.setColor(line.color());
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < line.xs().size(); i++) {
                int px = x.pixel(line.xs().get(i));
                int py = y.pixel(line.ys().get(i));
                g.fillOval(px - 4, py - 4, 9, 9);
                if (i > 0) {
                    g.drawLine(x.pixel(line.xs().get(i - 1)), y.pixel(line.ys().get(i - 1)), px, py);
                }
            }
            g.fillRect(right - 200, legendY - 9, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(line.name(), right - 184, legendY);
            legendY += 16;
        }
    }

    private static void gridLine(Graphics2D g, int x1, int y1, int x2, int y2, String label, int labelX, int labelY) {
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(x1, y1, x2, y2);
        g.setColor(Color.BLACK);
        g.drawString(label, labelX, labelY);
    }
}
