package io.journeyflow.job;

/**
 * The uid and display name of every operator and sink. Uids are how checkpoints and savepoints find state: they must
 * never change, and the state tools use the same constants.
 */
public final class OperatorIds {

    /** One operator's identity. */
    public record Id(String uid, String name) {
    }

    public static final Id EVENTS_SOURCE = new Id("events-source", "Customer events");
    public static final Id DEAD_LETTER_SPLIT = new Id("dead-letter-split", "Split dead letters");
    public static final Id CONTROL_SOURCE = new Id("journey-control-source", "Journey definitions");
    public static final Id CONTROL_TIME = new Id("journey-control-time", "Journey control time");
    public static final Id STARTUP_JOURNEYS = new Id("startup-journeys-source", "Start-up journeys");
    public static final Id JOURNEY_REGISTRY = new Id("journey-registry", "Journey registry");
    public static final Id ORCHESTRATOR = new Id("journey-orchestrator", "Journey orchestrator");
    public static final Id ACTIONS_SINK = new Id("actions-sink", "Actions");
    public static final Id JOURNEY_EVENTS_SINK = new Id("journey-events-sink", "Journey events");
    public static final Id DEAD_LETTERS_SINK = new Id("dead-letters-sink", "Dead letters");
    public static final Id DEPLOYMENTS_SINK = new Id("deployments-sink", "Journey deployments");
    public static final Id ERASURES_SINK = new Id("erasures-sink", "Erasure confirmations");

    private OperatorIds() {
    }
}
