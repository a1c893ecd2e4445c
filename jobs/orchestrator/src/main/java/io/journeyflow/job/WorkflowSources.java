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
 * @param eventsParallelism how many subtasks read {@code events} (0: the job's parallelism). Fewer than the job's
 *     when the input has fewer partitions: a subtask without one would never move event time forward
 */
public record WorkflowSources(Source<DecodedEvent, ?, ?> events, Source<ControlRecord, ?, ?> journeyControl,
                              Source<ControlRecord, ?, ?> census, int eventsParallelism) {

    public WorkflowSources {
        Objects.requireNonNull(events, "events");
        if (eventsParallelism < 0) {
            throw new IllegalArgumentException("eventsParallelism must be 0 (the job's) or positive: "
                    + eventsParallelism);
        }
    }

    public WorkflowSources(Source<DecodedEvent, ?, ?> events, Source<ControlRecord, ?, ?> journeyControl,
                           Source<ControlRecord, ?, ?> census) {
        this(events, journeyControl, census, 0);
    }

    /** Sources without a census: simulations over files, and tests. */
    public WorkflowSources(Source<DecodedEvent, ?, ?> events, Source<ControlRecord, ?, ?> journeyControl) {
        this(events, journeyControl, null);
    }

    public WorkflowSources withEventsParallelism(int parallelism) {
        return new WorkflowSources(events, journeyControl, census, parallelism);
    }
}
