package io.journeyflow.state.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.LedgerEntry;
import io.journeyflow.schema.state.Suppression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code inspect} says each due time is for: every deadline, and the one tidy-up at the last lapse. */
class DueTimeTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void listsEachDeadlineAndOnlyTheLastLapseNamingWhatLapsesThen() {
        CustomerState state = CustomerState.newBuilder()
                .setInstances(Map.of("cart", JourneyInstance.newBuilder().setVersion(2).setInstanceId("i-1")
                        .setStepId("wait").setEnteredAt(T0).setStepEnteredAt(T0).setDeadline(T0 + 10).build()))
                .setHistory(Map.of(
                        "early", history(T0 + 20),
                        "late", history(T0 + 40),
                        "never", history(null)))
                .setSuppressions(Map.of("bought", new Suppression(0, T0 + 40), "ticket", new Suppression(1, T0 + 30)))
                .setLedger(List.of(ledger(T0 + 25), ledger(T0 + 40)))
                .build();

        assertThat(DueTime.of(state)).extracting(DueTime::time, DueTime::kind, DueTime::purpose).containsExactly(
                tuple(T0 + 10, DueTime.Kind.DEADLINE, "deadline of cart v2 at step wait"),
                tuple(T0 + 40, DueTime.Kind.LAPSE, "contact ledger empties"),
                tuple(T0 + 40, DueTime.Kind.LAPSE, "re-entry history of late expires"),
                tuple(T0 + 40, DueTime.Kind.LAPSE, "suppression bought lapses"));
    }

    @Test
    void aStateThatKeepsNothingForAWhileHasOnlyItsDeadlines() {
        CustomerState state = CustomerState.newBuilder()
                .setHistory(Map.of("never", history(null)))
                .build();

        assertThat(DueTime.of(state)).isEmpty();
        assertThat(DueTime.of(null)).isEmpty();
    }

    private static JourneyHistory history(Long forgetAt) {
        return JourneyHistory.newBuilder().setEnteredEver(true).setLastExitAt(T0).setForgetAt(forgetAt).build();
    }

    private static LedgerEntry ledger(long forgetAt) {
        return new LedgerEntry(T0, "email", "promotional", "promo", 0, forgetAt);
    }
}
