package io.journeyflow.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SoakReportTest {

    @Test
    void aWorkingSetThatLevelsOffIsBounded() {
        List<SoakSample> samples = series(i -> 100 + Math.min(i, 3) * 10, i -> 5.0 + Math.min(i, 3), 0);

        assertThat(SoakReport.verdict(samples)).startsWith("Verdict: bounded.");
        assertThat(SoakReport.markdown("test", samples)).contains("| 30 |", "| 270 |", "Verdict: bounded.");
    }

    @Test
    void stateThatKeepsGrowingIsNotBounded() {
        List<SoakSample> samples = series(i -> 100, i -> 5.0 * (i + 1), 0);

        assertThat(SoakReport.verdict(samples)).startsWith("Verdict: NOT bounded.").contains("state x");
    }

    @Test
    void aFailedCheckpointIsNotBoundedEvenWhenFlat() {
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1, 1))).startsWith("Verdict: NOT bounded.")
                .contains("1 failed checkpoints of 25, 0 of them before the first one completed");
    }

    @Test
    void aCheckpointDeclinedWhileTheJobStartsIsCountedApart() {
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1, 2))).startsWith("Verdict: bounded.")
                .contains("1 failed checkpoints of 25, 1 of them before the first one completed");
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 2, 2))).as("and one more after it")
                .startsWith("Verdict: NOT bounded.");
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1, -1))).as("history never seen from the start")
                .startsWith("Verdict: NOT bounded.");
    }

    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed) {
        return series(heap, state, failed, 1);
    }

    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed,
                                           long firstCompletedId) {
        return IntStream.range(0, 9).mapToObj(i -> new SoakSample(30L * (i + 1), 400, heap.applyAsInt(i), 3L * i,
                failed, firstCompletedId, state.applyAsDouble(i), 1.0, 200, "RUNNING")).toList();
    }
}
