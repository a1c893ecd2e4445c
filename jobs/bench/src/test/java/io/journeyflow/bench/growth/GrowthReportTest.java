package io.journeyflow.bench.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.bench.scale.Measurements;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthReportTest {

    private static Measurements run(long customers, int journeys, double loadPerSecond) {
        return new Measurements().put("customers", customers).put("journeys", journeys)
                .put("load_events_per_s", loadPerSecond).put("mixed_events_per_s", loadPerSecond / 2)
                .put("heap_used_bytes", 64L << 20).put("rss_bytes", 512L << 20)
                .put("checkpoint2_full_bytes", customers * 100).put("checkpoint2_ms", 1234);
    }

    @Test
    void theTableHasOneRowPerRunWithBytesPerCustomer() {
        String table = GrowthTable.markdown(List.of(run(10_000, 1, 30_000), run(1_000_000, 1, 20_500)));

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().toList().get(3))
                .isEqualTo("| 1,000,000 | 1 | 20,500 | 10,250 | 64 | 512 | 95.4 | 100 | 1,234 |");
    }

    @Test
    void runsAreSplitIntoTheCustomerCurveAndTheJourneyCurve(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("runs.log");
        Files.write(log, List.of("# a comment", run(10_000, 1, 3).toLine(), "savepoint file:/x",
                run(100_000, 1, 3).toLine(), run(100_000, 10, 3).toLine(), run(100_000, 100, 3).toLine()));

        List<Measurements> runs = GrowthReport.read(log);

        assertThat(runs).hasSize(4);
        assertThat(GrowthReport.byCustomers(runs)).extracting(r -> r.get("customers")).containsExactly(1e4, 1e5);
        assertThat(GrowthReport.byJourneys(runs)).extracting(r -> r.get("journeys")).containsExactly(1.0, 10.0, 100.0);
    }

    @Test
    void thePlotDrawsEverySeriesInItsPanel() {
        List<Measurements> byCustomers = List.of(run(10_000, 1, 30_000), run(10_000_000, 1, 10_000));
        List<Measurements> byJourneys = List.of(run(100_000, 1, 30_000), run(100_000, 100, 5_000));

        BufferedImage image = GrowthPlot.draw(byCustomers, byJourneys);

        assertThat(image.getWidth()).isEqualTo(GrowthPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(GrowthPlot.HEIGHT);
        int halfWidth = GrowthPlot.WIDTH / 2;
        int halfHeight = GrowthPlot.HEIGHT / 2;
        for (int[] panel : new int[][] {{0, 0}, {halfWidth, 0}}) {
            assertThat(countPixels(image, panel, GrowthPlot.LOAD)).as("load line in panel %s", panel[0]).isGreaterThan(50);
            assertThat(countPixels(image, panel, GrowthPlot.MIXED)).isGreaterThan(50);
        }
        for (int[] panel : new int[][] {{0, halfHeight}, {halfWidth, halfHeight}}) {
            assertThat(countPixels(image, panel, GrowthPlot.HEAP)).isGreaterThan(50);
            assertThat(countPixels(image, panel, GrowthPlot.STATE)).isGreaterThan(50);
            assertThat(countPixels(image, panel, GrowthPlot.RSS)).isGreaterThan(50);
            assertThat(countPixels(image, panel, GrowthPlot.LOAD)).isZero();
        }
    }

    private static int countPixels(BufferedImage image, int[] origin, Color color) {
        int count = 0;
        for (int x = origin[0]; x < origin[0] + GrowthPlot.WIDTH / 2; x++) {
            for (int y = origin[1]; y < origin[1] + GrowthPlot.HEIGHT / 2; y++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    count++;
                }
            }
        }
        return count;
    }
}
