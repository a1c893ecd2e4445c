package io.journeyflow.bench.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverUnsortedSamples() {
        long[] thousand = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray();
        Percentiles p = new Percentiles(thousand);

        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.at(0.5)).isEqualTo(500);
        assertThat(p.at(0.99)).isEqualTo(990);
        assertThat(p.at(0.999)).isEqualTo(999);
        assertThat(p.max()).isEqualTo(1000);
        assertThat(thousand[0]).as("the caller's array is left as it was").isEqualTo(1000);
    }

    @Test
    void aSingleOutlierShowsOnlyInTheHighestPercentiles() {
        long[] samples = LongStream.concat(LongStream.generate(() -> 20).limit(999), LongStream.of(5000)).toArray();
        Percentiles p = new Percentiles(samples);

        assertThat(p.at(0.99)).isEqualTo(20);
        assertThat(p.at(0.999)).isEqualTo(20);
        assertThat(p.max()).isEqualTo(5000);
    }

    @Test
    void noSamplesIsAnErrorNotAZero() {
        assertThatThrownBy(() -> new Percentiles(new long[0]).at(0.5)).isInstanceOf(IllegalStateException.class);
    }
}
