package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reason text of a channel choice must read exactly as it did with {@code String.format}. */
class ChannelChooserFormatTest {

    @Test
    void ratesReadAsTheFormatterWritesThem() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double rate = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextInt(50) + 0.5) / (random.nextInt(500) + 1.0);
                case 2 -> random.nextInt(1000) / 200.0;
                default -> random.nextDouble() * 2_000_000 - 1_000;
            };
            assertThat(ChannelChooser.twoDecimals(rate)).as("%s", rate)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", rate));
        }
    }

    @Test
    void tiesAndEdgesToo() {
        for (double rate : new double[] {0.0, -0.0, 0.005, 0.015, 0.125, 0.995, 0.999999, 1.0, 0.045, 2.675,
                Double.NaN, Double.POSITIVE_INFINITY, -0.004}) {
            assertThat(ChannelChooser.twoDecimals(rate)).as("%s", rate)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", rate));
        }
    }
}
