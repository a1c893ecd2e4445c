package io.journeyflow.bench.growth;

import io.journeyflow.bench.scale.Measurements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Reads the {@code measured ...} lines of scale benchmark runs and writes the growth table ({@code growth.md}) and
 * plot ({@code growth.png}). Runs with one journey make the customer curve; runs at the number of customers of the
 * run with the most journeys make the journey curve.
 *
 * <p>Usage: {@code GrowthReport OUT_DIR LOG...}
 */
public final class GrowthReport {

    private GrowthReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GrowthReport OUT_DIR LOG...");
            System.exit(2);
        }
        List<Measurements> runs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            runs.addAll(read(Path.of(args[i])));
        }
        runs.sort(Comparator.comparingDouble((Measurements run) -> run.get("journeys"))
                .thenComparingDouble(run -> run.get("customers")));
        Path out = Files.createDirectories(Path.of(args[0]));
        String table = GrowthTable.markdown(runs);
        Files.writeString(out.resolve("growth.md"), table);
        ImageIO.write(GrowthPlot.draw(byCustomers(runs), byJourneys(runs)), "png", out.resolve("growth.png").toFile());
        System.out.print(table);
        System.out.println("written: " + out.resolve("growth.md") + ", " + out.resolve("growth.png"));
    }

    static List<Measurements> read(Path log) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(line -> line.startsWith(Measurements.PREFIX + " customers="))
                .map(Measurements::parse)
                .toList();
    }

    static List<Measurements> byCustomers(List<Measurements> runs) {
        return runs.stream().filter(run -> run.get("journeys") == 1).toList();
    }

    static List<Measurements> byJourneys(List<Measurements> runs) {
        double customers = runs.stream().max(Comparator.comparingDouble(run -> run.get("journeys")))
                .map(run -> run.get("customers")).orElse(0.0);
        return runs.stream().filter(run -> run.get("customers") == customers).toList();
    }
}
