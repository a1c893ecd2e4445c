package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Where input and output stood when each fault struck, and how long the job took to checkpoint again. */
final class FaultLog {

    private final List<String> lines = new ArrayList<>();

    /** Records a fault about to strike, and requires that it strikes mid-stream: neither side is complete. */
    void striking(String fault, PacedFeed feed, int committedActions, int expectedActions) {
        assertThat(feed.sent()).as("events sent before " + fault).isLessThan(feed.total());
        assertThat(committedActions).as("actions committed before " + fault).isLessThan(expectedActions);
        lines.add(String.format("%s: %d/%d events sent, %d/%d actions committed", fault, feed.sent(), feed.total(),
                committedActions, expectedActions));
    }

    void recovered(long nanos, long restoredCheckpoint) {
        lines.add(String.format("  checkpointing again %.1f s later (last restored checkpoint: %d)", nanos / 1e9,
                restoredCheckpoint));
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
