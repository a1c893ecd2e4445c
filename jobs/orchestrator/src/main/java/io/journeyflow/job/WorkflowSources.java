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
 */
public record WorkflowSources(Source<DecodedEvent, ?, ?> events, Source<ControlRecord, ?, ?> journeyControl) {

    public WorkflowSources {
        Objects.requireNonNull(events, "events");
    }
}
