package io.journeyflow.state.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.savepoint.SavedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** Partial funnels, cut into parts and shipped as the reading job ships them, merge into the funnel of everyone. */
class FunnelCollectorTest {

    private static final Instant NOW = Instant.parse("2025-03-20T00:00:00Z");

    @Test
    void mergingPartialFunnelsGivesTheFunnelOfAllCustomersAtOnce() throws Exception {
        List<SavedState<String, CustomerState>> customers = RandomCustomers.of(new Random(42), 2_000);
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
}
