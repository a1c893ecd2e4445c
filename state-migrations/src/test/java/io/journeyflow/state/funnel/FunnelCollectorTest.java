package io.journeyflow.state.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.state.savepoint.SavedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** Partial funnels, cut into parts and shipped as the reading job ships them, merge into the funnel of everyone. */
class FunnelCollectorTest {

    private static final long T0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
    private static final Instant NOW = Instant.parse("2025-03-20T00:00:00Z");

    @Test
    void mergingPartialFunnelsGivesTheFunnelOfAllCustomersAtOnce() throws Exception {
        List<SavedState<String, CustomerState>> customers = customers(new Random(42), 2_000);
        FunnelCollector all = new FunnelCollector();
        customers.forEach(all::add);

        List<FunnelCollector> readers = List.of(new FunnelCollector(), new FunnelCollector(), new FunnelCollector());
        for (int i = 0; i < customers.size(); i++) {
            readers.get(i % 3).add(customers.get(i));
        }
        List<byte[]> shipped = new ArrayList<>();
        for (FunnelCollector reader : readers) {
            for (FunnelCollector part : reader.split(37)) {
                shipped.add(InstantiationUtil.serializeObject(part));
            }
        }
        Collections.shuffle(shipped, new Random(7));
        FunnelCollector merged = new FunnelCollector();
        shipped.forEach(part -> merged.merge(FunnelFold.read(part)));

        assertThat(shipped).hasSizeGreaterThan(3 * 6);  // several parts per step and reader: the cut is exercised
        assertThat(merged.customers()).isEqualTo(all.customers()).isEqualTo(2_000);
        assertThat(merged.latestEventTime()).isEqualTo(all.latestEventTime());
        Funnel expected = Funnel.of(all, all.customers(), NOW, "given", new StepOrder().comparator());
        assertThat(Funnel.of(merged, merged.customers(), NOW, "given", new StepOrder().comparator()))
                .isEqualTo(expected);
        assertThat(expected.rows()).hasSize(6);
        assertThat(expected.timers().needless()).isPositive();
        assertThat(expected.timers().unhonoured()).isPositive();
        assertThat(expected.timers().forStateOnly()).isPositive();
    }

    @Test
    void anEmptyReaderMergesAsNothing() {
        FunnelCollector merged = new FunnelCollector();
        new FunnelCollector().split(37).forEach(merged::merge);

        assertThat(merged.customers()).isZero();
        assertThat(merged.steps()).isEmpty();
        assertThat(merged.latestEventTime()).isEqualTo(Long.MIN_VALUE);
        assertThat(merged.timers()).isEqualTo(new TimerCounts(0, 0, 0, 0, 0));
    }

    /** Customers in two steps of three journeys, some with re-entry histories, profiles, stray or missing timers. */
    private static List<SavedState<String, CustomerState>> customers(Random random, int count) {
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
            if (random.nextInt(10) == 0) {
                timers.add(T0 + random.nextInt(1000));
            }
            Profile profile = random.nextBoolean() ? null
                    : Profile.newBuilder().setUpdatedAt(T0 + random.nextInt(1_500_000_000)).build();
            CustomerState state = CustomerState.newBuilder().setInstances(instances).setHistory(history)
                    .setProfile(profile).build();
            customers.add(new SavedState<>("c-" + c, state, timers.stream().mapToLong(Long::longValue).toArray()));
        }
        return customers;
    }
}
