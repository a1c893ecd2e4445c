package io.journeyflow.state.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Customers per journey, version and step at one instant, with how long they have waited there and the deadlines a
 * registered timer will fire soon.
 *
 * @param now the instant waits and deadline windows are measured from
 * @param nowSource how {@code now} was chosen, for the reader
 * @param customers every customer the savepoint holds state for, in a journey or not
 */
public record Funnel(Instant now, String nowSource, long customers, List<Row> rows,
                     TimerCounts timers) {

    static final Duration DAY = Duration.ofDays(1);
    static final Duration WEEK = Duration.ofDays(7);

    /**
     * One step.
     *
     * @param waitedP50 half the customers at the step have waited at most this long (nearest rank)
     * @param dueWithinDay deadlines with a registered timer before {@code now} + 1 day (overdue ones included: they
     *     fire as soon as event time moves)
     */
    public record Row(StepKey step, int customers, Duration waitedP50, Duration waitedP90, Duration waitedP99,
                      int dueWithinDay, int dueWithinWeek) {
    }

    static Funnel of(FunnelCollector collected, long customers, Instant now, String nowSource,
                     Comparator<StepKey> order) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<StepKey, FunnelCollector.StepData> entry : collected.steps().entrySet()) {
            long[] entered = entry.getValue().enteredAt().sorted();
            LongList deadlines = entry.getValue().timedDeadlines();
            long at = now.toEpochMilli();
            rows.add(new Row(entry.getKey(), entered.length, waited(entered, at, 50), waited(entered, at, 90),
                    waited(entered, at, 99), deadlines.countBelow(at + DAY.toMillis()),
                    deadlines.countBelow(at + WEEK.toMillis())));
        }
        rows.sort(Comparator.comparing(Row::step, order));
        return new Funnel(now, nowSource, customers, List.copyOf(rows), collected.timers());
    }

    /**
     * The wait at percentile p by nearest rank: the longest waits belong to the earliest entries, so the p-th wait
     * from the shortest is the p-th entry time from the latest.
     */
    static Duration waited(long[] enteredAscending, long now, int percentile) {
        int n = enteredAscending.length;
        int rank = (int) Math.ceil(percentile / 100.0 * n);
        return Duration.ofMillis(now - enteredAscending[n - Math.max(rank, 1)]);
    }
}
