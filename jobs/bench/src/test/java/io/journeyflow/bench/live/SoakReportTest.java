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

        assertThat(SoakReport.verdict(samples, 0)).startsWith("Verdict: bounded.");
        assertThat(SoakReport.markdown("test", samples, 0)).contains("| 30 |", "| 270 |", "Verdict: bounded.");
    }

    @Test
    void stateThatKeepsGrowingIsNotBounded() {
        List<SoakSample> samples = series(i -> 100, i -> 5.0 * (i + 1), 0);

        assertThat(SoakReport.verdict(samples, 0)).startsWith("Verdict: NOT bounded.").contains("state x");
    }

    @Test
    void aFailedCheckpointIsNotBoundedEvenWhenFlat() {
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1), 0)).startsWith("Verdict: NOT bounded.")
                .contains("1 failed checkpoints of 25, 0 of them refused before every task was running, 0 declined "
                        + "because a task was not running");
    }

    @Test
    void aCheckpointDeclinedWhileATaskWasNotRunningIsCountedApart() {
        List<FailedCheckpoint> secondDeclined = List.of(new FailedCheckpoint(2, NOT_READY));
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1, secondDeclined), 0)).startsWith("Verdict: bounded.")
                .contains("1 failed checkpoints of 25, 0 of them refused before every task was running, 1 declined "
                        + "because a task was not running")
                .contains("- checkpoint 2: " + NOT_READY);
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 2, secondDeclined), 0)).as("and one more that ran")
                .startsWith("Verdict: NOT bounded.");
    }

    @Test
    void aTriggerRefusedBeforeEveryTaskRanIsCountedApart() {
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 1), 1)).startsWith("Verdict: bounded.")
                .contains("1 failed checkpoints of 25, 1 of them refused before every task was running")
                .doesNotContain("failed before a checkpoint began");
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 2), 1)).as("and one more once every task ran")
                .startsWith("Verdict: NOT bounded.").contains("- 1 failed before a checkpoint began");
    }

    @Test
    void eachFailureIsExplainedAsFarAsFlinkListsIt() {
        List<FailedCheckpoint> listed = List.of(new FailedCheckpoint(7, "Checkpoint expired before completing."));

        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 3, listed), 0)).startsWith("Verdict: NOT bounded.")
                .contains("- checkpoint 7: Checkpoint expired before completing.")
                .contains("- 2 failed before a checkpoint began")
                .doesNotContain("checkpoint 2:");
    }

    @Test
    void aJobThatFallsBehindTheLoadIsNotBounded() {
        List<SoakSample> behind = series(i -> 100, i -> 5.0, 0, List.of(), 0.9);

        assertThat(SoakReport.verdict(behind, 0)).startsWith("Verdict: NOT bounded.")
                .contains("over the last third the job took in 90.0% of the 1,000 events/s written (needed 95%), "
                        + "and it ended 27,000 events behind (27.0 s of input)");
        assertThat(SoakReport.markdown("test", behind, 0)).contains("| 270,000 | 27,000 | RUNNING |");
        assertThat(SoakReport.verdict(series(i -> 100, i -> 5.0, 0, List.of(), 0.97), 0)).startsWith("Verdict: bounded.");
    }

    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed) {
        return series(heap, state, failed, List.of());
    }

    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed,
                                           List<FailedCheckpoint> failures) {
        return series(heap, state, failed, failures, 1.0);
    }

    /**
     * Every sample sees the same failures, as consecutive samples overlap in the checkpoint history. The generator
     * writes 1,000 events/s; the job takes in {@code keepingUp} of them.
     */
    private static List<SoakSample> series(IntUnaryOperator heap, IntToDoubleFunction state, long failed,
                                           List<FailedCheckpoint> failures, double keepingUp) {
        return IntStream.range(0, 9).mapToObj(i -> {
            long seconds = 30L * (i + 1);
            return new SoakSample(seconds, 400, heap.applyAsInt(i), 3L * i, failed, failures, state.applyAsDouble(i),
                    1.0, 200, "RUNNING", 1000 * seconds, Math.round(1000 * seconds * keepingUp));
        }).toList();
    }
}
