package io.journeyflow.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SoakReportTest {

    private static final String NOT_READY = "Checkpoint was declined (tasks not ready)";

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
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1))).startsWith("Verdict: NOT bounded.")
                .contains("1 failed checkpoints of 25, 0 of them declined because a task was not running");
    }

    @Test
    void aCheckpointDeclinedWhileATaskWasNotRunningIsCountedApart() {
        List<FailedCheckpoint> secondDeclined = List.of(new FailedCheckpoint(2, NOT_READY));
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1, secondDeclined))).startsWith("Verdict: bounded.")
                .contains("1 failed checkpoints of 25, 1 of them declined because a task was not running")
                .contains("- checkpoint 2: " + NOT_READY);
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 2, secondDeclined))).as("and one more that ran")
                .startsWith("Verdict: NOT bounded.");
    }

    @Test
    void eachFailureIsExplainedAsFarAsFlinkListsIt() {
        List<FailedCheckpoint> listed = List.of(new FailedCheckpoint(7, "Checkpoint expired before completing."));

        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 3, listed))).startsWith("Verdict: NOT bounded.")
                .contains("- checkpoint 7: Checkpoint expired before completing.")
                .contains("- 2 failed before a checkpoint began")
                .doesNotContain("checkpoint 2:");
    }

    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed) {
        return series(heap, state, failed, List.of());
    }

    /** Every sample sees the same failures, as consecutive samples overlap in the checkpoint history. */
    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed,
                                           List<FailedCheckpoint> failures) {
        return IntStream.range(0, 9).mapToObj(i -> new SoakSample(30L * (i + 1), 400, heap.applyAsInt(i), 3L * i,
                failed, failures, state.applyAsDouble(i), 1.0, 200, "RUNNING")).toList();
    }
}
