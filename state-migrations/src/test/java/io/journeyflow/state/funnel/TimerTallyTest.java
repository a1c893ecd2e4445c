package io.journeyflow.state.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.customer.DueTime;
import io.journeyflow.state.savepoint.SavedState;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tally's fast classification agrees with the due times {@code inspect} lists ({@link DueTime#of}). */
class TimerTallyTest {

    @Test
    void countsTimersAsTheDueTimesOfTheStateExplainThem() {
        List<SavedState<String, CustomerState>> customers = RandomCustomers.of(new Random(11), 3_000);
        TimerTally tally = new TimerTally();
        customers.forEach(tally::add);

        long[] expected = new long[5];
        for (SavedState<String, CustomerState> customer : customers) {
            List<DueTime> due = DueTime.of(customer.value());
            expected[0] += customer.timers().length;
            for (long timer : customer.timers()) {
                if (due.stream().anyMatch(d -> d.time() == timer && d.kind() == DueTime.Kind.DEADLINE)) {
                    expected[1]++;
                } else if (due.stream().anyMatch(d -> d.time() == timer)) {
                    expected[2]++;
                } else {
                    expected[3]++;
                }
            }
            // A due time is honoured by a timer at or before it: that timer fires first and moves on to it.
            expected[4] += due.stream().mapToLong(DueTime::time).distinct()
                    .filter(t -> Arrays.stream(customer.timers()).noneMatch(timer -> timer <= t)).count();
        }
        assertThat(tally.counts())
                .isEqualTo(new TimerCounts(expected[0], expected[1], expected[2], expected[3], expected[4]));
        assertThat(expected).doesNotContain(0L);  // every kind occurs, so each comparison is exercised
    }
}
