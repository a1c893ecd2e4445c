package io.journeyflow.job;

import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DecodedEvent;
import java.util.Objects;
import org.apache.flink.api.connector.source.Source;

/**
 * Where the job reads from: Kafka in production, files or collections in simulations and tests.
 *
 * @param events decoded customer events; bad input arrives as dead letters, never as exceptions
 * @param journeyControl journey documents and retirements, or {@code null} when there is no live control topic
 * @param census the orchestrator's census answers read back (control records carrying a census report), or
 *     {@code null}: without them no journey version is ever removed
 */
public record WorkflowSources(Source<DecodedEvent, ?, ?> events, Source<ControlRecord, ?, ?> journeyControl,
                              Source<ControlRecord, ?, ?> census) {

    public WorkflowSources {
        Objects.requireNonNull(events, "events");
    }

    /** Sources without a census: simulations over files, and tests. */
    public WorkflowSources(Source<DecodedEvent, ?, ?> events, Source<ControlRecord, ?, ?> journeyControl) {
        this(events, journeyControl, null);
    }
}
