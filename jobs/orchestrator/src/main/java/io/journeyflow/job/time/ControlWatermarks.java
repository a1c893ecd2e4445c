package io.journeyflow.job.time;

import io.journeyflow.schema.ControlRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Journey definitions carry no event time. Their stream is broadcast into the orchestrator, whose event time is the
 * minimum over both inputs: a control stream without watermarks would hold every deadline back forever. Declaring
 * it at the end of time leaves event time to the customer events alone.
 */
public final class ControlWatermarks implements WatermarkGenerator<ControlRecord> {

    public static WatermarkStrategy<ControlRecord> strategy() {
        return context -> new ControlWatermarks();
    }

    @Override
    public void onEvent(ControlRecord record, long eventTimestamp, WatermarkOutput output) {
        // Event time does not come from control records.
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(Long.MAX_VALUE));
    }
}
