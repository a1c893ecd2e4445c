package io.journeyflow.bench.compare;

import io.journeyflow.bench.compare.ComparisonJobs.Kind;
import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs one comparison job to the end of its input on the test's MiniCluster and returns its actions. */
final class ComparisonRuns {

    static final int PARALLELISM = 2;

    private ComparisonRuns() {
    }

    /** The actions, ordered by decision time, customer and id, so that equal runs give equal lists. */
    static List<Action> actions(Kind kind, GeneratorFunction<Long, CustomerEvent> events, long count, Path work)
            throws Exception {
        String runId = UUID.randomUUID().toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // A bounded job waits for a checkpoint before it ends: a short interval keeps the test short.
        var config = ComparisonJobs.config(PARALLELISM, StateBackendKind.HASHMAP, work.resolve(runId)).toBuilder()
                .checkpointInterval(Duration.ofMillis(300))
                .build();
        ComparisonJobs.define(kind, env, config, events, count, ActionTally.collecting(runId));
        env.execute(kind + " " + runId);
        return ActionTally.take(runId).actions().stream()
                .sorted(Comparator.comparingLong(Action::getDecidedAt).thenComparing(Action::getCustomerId)
                        .thenComparing(Action::getActionId))
                .toList();
    }
}
