package io.journeyflow.state.funnel;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.schema.state.Suppression;
import io.journeyflow.state.savepoint.SavedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/** Seeded customers for the funnel's tests: every kind of due time, timer and missing timer the tally tells apart. */
final class RandomCustomers {

    private static final long T0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

    private RandomCustomers() {
    }

    /** Customers in two steps of three journeys, some with re-entry histories, profiles, stray or missing timers. */
    static List<SavedState<String, CustomerState>> of(Random random, int count) {
        List<SavedState<String, CustomerState>> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            if (random.nextInt(20) == 0) {
                customers.add(new SavedState<>("c-" + c, null, new long[] {T0 + random.nextInt(1000)}));
                continue;
            }
            Map<String, JourneyInstance> instances = new HashMap<>();
            TreeSet<Long> timers = new TreeSet<>();
            for (String journey : List.of("a", "b", "c")) {
                if (random.nextBoolean()) {
                    long entered = T0 + random.nextInt(1_000_000_000);
                    Long deadline = random.nextBoolean() ? entered + random.nextInt(2_000_000_000) : null;
                    instances.put(journey, JourneyInstance.newBuilder().setVersion(1).setInstanceId("i" + c)
                            .setStepId(random.nextBoolean() ? "wait" : "mail").setEnteredAt(entered)
                            .setStepEnteredAt(entered + random.nextInt(1000)).setDeadline(deadline).build());
                    if (deadline != null && random.nextInt(10) > 0) {
                        timers.add(deadline);
                    }
                }
            }
            Map<String, JourneyHistory> history = new HashMap<>();
            if (random.nextInt(4) == 0) {
                long forget = T0 + random.nextInt(2_000_000_000);
                history.put("a", JourneyHistory.newBuilder().setEnteredEver(true).setLastExitAt(forget - 1000)
                        .setForgetAt(forget).build());
                timers.add(forget);
            }
            Map<String, Suppression> suppressions = new HashMap<>();
            if (random.nextInt(8) == 0) {
                long until = T0 + random.nextInt(2_000_000_000);
                suppressions.put("email", Suppression.newBuilder().setOpen(1).setUntil(until).build());
                if (random.nextBoolean()) {
                    timers.add(until);
                }
            }
            if (random.nextInt(10) == 0) {
                timers.add(T0 + random.nextInt(1000));
            }
            Profile profile = random.nextBoolean() ? null
                    : Profile.newBuilder().setUpdatedAt(T0 + random.nextInt(1_500_000_000)).build();
            CustomerState state = CustomerState.newBuilder().setInstances(instances).setHistory(history)
                    .setSuppressions(suppressions).setProfile(profile).build();
            customers.add(new SavedState<>("c-" + c, state, timers.stream().mapToLong(Long::longValue).toArray()));
        }
        return customers;
    }
}
