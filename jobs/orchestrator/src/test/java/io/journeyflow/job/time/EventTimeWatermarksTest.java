package io.journeyflow.job.time;

import static io.journeyflow.job.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.TestData;
import io.journeyflow.job.serde.DecodedEvents;
import io.journeyflow.schema.DecodedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class EventTimeWatermarksTest {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    };

    @Test
    void followsTheLatestEventMinusTheOutOfOrdernessAndNeverGoesBack() {
        EventTimeWatermarks watermarks = new EventTimeWatermarks(OUT_OF_ORDERNESS, null, new MutableClock(null));

        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(event(T0), T0, output);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(event(T0 - 60_000), T0 - 60_000, output);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent(event(T0 + 10_000), T0 + 10_000, output);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(T0 - 5_001, T0 + 4_999);
    }

    @Test
    void deadLettersNeverMoveEventTime() {
        EventTimeWatermarks watermarks = new EventTimeWatermarks(OUT_OF_ORDERNESS, null, new MutableClock(null));
        DecodedEvent letter = DecodedEvents.deadLetter(
                new DecodedEvents.Origin("customer-events", 0, 1, null, new byte[] {1}, T0 + 3_600_000),
                "Garbage", "bad bytes");

        watermarks.onEvent(event(T0), T0, output);
        watermarks.onEvent(letter, T0 + 3_600_000, output);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(T0 - 5_001);
    }

    @Test
    void anIdleSplitFollowsTheWallClockOnlyAfterTheIdleAdvance() {
        MutableClock clock = new MutableClock(T0 + 3_600_000L);
        EventTimeWatermarks watermarks = new EventTimeWatermarks(OUT_OF_ORDERNESS, Duration.ofSeconds(30), clock);

        watermarks.onEvent(event(T0), T0, output);
        clock.now += 29_999;
        watermarks.onPeriodicEmit(output);
        clock.now += 1;
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(T0 - 5_001, clock.now - 5_000);
    }

    private static DecodedEvent event(long ts) {
        return DecodedEvent.newBuilder().setEvent(TestData.event("e-" + ts, "c-1", "page_view", ts)).build();
    }

    /** A clock the test moves by hand; created with {@code null}, any read fails (deterministic mode reads none). */
    private static final class MutableClock extends Clock {
        Long now;

        MutableClock(Long now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (now == null) {
                throw new AssertionError("the wall clock was read");
            }
            return Instant.ofEpochMilli(now);
        }
    }
}
