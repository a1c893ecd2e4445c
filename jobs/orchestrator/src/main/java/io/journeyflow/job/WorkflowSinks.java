package io.journeyflow.job;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the job writes to: Kafka in production, files or collections in simulations and tests.
 *
 * @param census where the orchestrator answers census requests, or {@code null} when nothing reads them back
 */
public record WorkflowSinks(Sink<Action> actions, Sink<JourneyEvent> journeyEvents, Sink<DeadLetter> deadLetters,
                            Sink<JourneyDeployment> deployments, Sink<Erasure> erasures, Sink<CensusReport> census) {

    public WorkflowSinks {
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(journeyEvents, "journeyEvents");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(deployments, "deployments");
        Objects.requireNonNull(erasures, "erasures");
    }

    /** Sinks without a census: simulations over files, and tests. */
    public WorkflowSinks(Sink<Action> actions, Sink<JourneyEvent> journeyEvents, Sink<DeadLetter> deadLetters,
                         Sink<JourneyDeployment> deployments, Sink<Erasure> erasures) {
        this(actions, journeyEvents, deadLetters, deployments, erasures, null);
    }
}
