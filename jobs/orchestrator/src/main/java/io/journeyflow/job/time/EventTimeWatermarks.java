package io.journeyflow.job.time;

import io.journeyflow.schema.DecodedEvent;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of one source split: bounded out-of-orderness over the events' own timestamps. Dead letters never move
 * it (their timestamps are not event time).
 *
 * <p>With an idle advance, a split that has had no event for that long follows the wall clock minus the
 * out-of-orderness. Flink's {@code withIdleness} only stops an idle split from holding others back; it never moves
 * time, so when all input goes quiet, "no engagement in N days" deadlines would never fire. Without an idle advance
 * the watermark depends on the events alone, which makes runs over the same input reproducible.
 */
public final class EventTimeWatermarks implements WatermarkGenerator<DecodedEvent> {

    private final long outOfOrderness;
    private final long idleAdvance;
    private final Clock clock;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEventAt;
    private long emitted = Long.MIN_VALUE;

    /** @param idleAdvance {@code null}: the watermark never follows the wall clock */
    public EventTimeWatermarks(Duration outOfOrderness, Duration idleAdvance, Clock clock) {
        this.outOfOrderness = outOfOrderness.toMillis();
        this.idleAdvance = idleAdvance == null ? -1 : idleAdvance.toMillis();
        this.clock = clock;
        this.lastEventAt = idleAdvance == null ? 0 : clock.millis();
    }

    /** Timestamps from the events (dead letters keep their record's), watermarks from {@link EventTimeWatermarks}. */
    public static WatermarkStrategy<DecodedEvent> strategy(Duration outOfOrderness, Duration idleAdvance, Clock clock) {
        WatermarkStrategy<DecodedEvent> generators =
                context -> new EventTimeWatermarks(outOfOrderness, idleAdvance, clock);
        return generators.withTimestampAssigner((decoded, recordTimestamp) -> decoded.getEvent() != null
                ? decoded.getEvent().getTs()
                : decoded.getDeadLetter() != null ? decoded.getDeadLetter().getRecordTimestamp() : recordTimestamp);
    }

    @Override
    public void onEvent(DecodedEvent decoded, long eventTimestamp, WatermarkOutput output) {
        if (decoded.getEvent() == null) {
            return;
        }
        maxTimestamp = Math.max(maxTimestamp, decoded.getEvent().getTs());
        if (idleAdvance >= 0) {
            lastEventAt = clock.millis();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long watermark = maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - outOfOrderness - 1;
        if (idleAdvance >= 0) {
            long now = clock.millis();
            if (now - lastEventAt >= idleAdvance) {
                watermark = Math.max(watermark, now - outOfOrderness);
            }
        }
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
