package io.journeyflow.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeasurementsTest {

    @Test
    void aLineReadsBackToTheSameFiguresInTheSameOrder() {
        Measurements written = new Measurements().put("customers", 10_000_000).put("load_events_per_s", 41_234.5678)
                .put("heap_used_bytes", 123_456_789_012L);

        String line = written.toLine();
        Measurements read = Measurements.parse(line);

        assertThat(line).isEqualTo(
                "measured customers=10000000 load_events_per_s=41234.568 heap_used_bytes=123456789012");
        assertThat(read.get("customers")).isEqualTo(10_000_000);
        assertThat(read.get("load_events_per_s")).isEqualTo(41_234.568);
        assertThat(read.toLine()).isEqualTo(line);
    }

    @Test
    void otherLinesAndBadFiguresAreRefusedWithTheLine() {
        assertThatThrownBy(() -> Measurements.parse("savepoint file:/tmp/sp"))
                .hasMessageContaining("not a measurement line").hasMessageContaining("savepoint file:/tmp/sp");
        assertThatThrownBy(() -> Measurements.parse("measured customers=ten"))
                .hasMessageContaining("bad measurement 'customers=ten'");
        assertThatThrownBy(() -> Measurements.parse("measured =3")).hasMessageContaining("bad measurement '=3'");
        assertThatThrownBy(() -> new Measurements().put("a b", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFigureIsNamed() {
        assertThatThrownBy(() -> new Measurements().put("customers", 1).get("rss_bytes"))
                .hasMessageContaining("no measurement 'rss_bytes'");
    }
}
