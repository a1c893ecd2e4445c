package io.journeyflow.bench.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void aLogScaleSpansWholeDecadesAndPutsEachDecadeAtAnEqualDistance() {
        Scale x = Scale.covering(List.of(10_000.0, 100_000.0, 1_000_000.0, 10_000_000.0), true, 100, 400);

        assertThat(x.pixel(10_000)).isEqualTo(100);
        assertThat(x.pixel(100_000)).isEqualTo(200);
        assertThat(x.pixel(1_000_000)).isEqualTo(300);
        assertThat(x.pixel(10_000_000)).isEqualTo(400);
        assertThat(x.ticks()).containsExactly(1e4, 1e5, 1e6, 1e7);
    }

    @Test
    void aLinearScaleStartsAtZeroLeavesHeadroomAndRunsDownwardsOnScreen() {
        Scale y = Scale.covering(List.of(20_000.0, 40_000.0), false, 300, 0);

        assertThat(y.pixel(0)).isEqualTo(300);
        assertThat(y.pixel(40_000)).isBetween(1, 60);
        assertThat(y.ticks()).startsWith(0.0).allMatch(tick -> tick <= 46_000);
        assertThat(y.ticks()).hasSizeBetween(3, 9);
    }

    @Test
    void labelsAreShort() {
        assertThat(Scale.label(10_000)).isEqualTo("10k");
        assertThat(Scale.label(2_500_000)).isEqualTo("2.5M");
        assertThat(Scale.label(300)).isEqualTo("300");
        assertThat(Scale.label(0.5)).isEqualTo("0.5");
    }

    @Test
    void aLogScaleRefusesZero() {
        assertThatThrownBy(() -> new Scale(0, 10, true, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
