package io.journeyflow.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.bench.compare.ComparisonJobs.Kind;
import io.journeyflow.job.TestJobs;
import io.journeyflow.schema.Action;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written function of the benchmark computes exactly what Journeyflow computes for the bench journey: same
 * customers, channels, steps, decision times, reasons and ids. Otherwise the benchmark would compare different work.
 */
class HandwrittenMatchesJourneyflowITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(ComparisonRuns.PARALLELISM, TestJobs.noRestarts());

    @TempDir
    Path work;

    @Test
    void sameActionsOnASeededWorkload() throws Exception {
        CartWorkload workload = new CartWorkload(200, 20_000, 7, 7L);
        List<Action> journeyflow = ComparisonRuns.actions(Kind.JOURNEYFLOW, workload, workload.events(), work);
        List<Action> handwritten = ComparisonRuns.actions(Kind.HANDWRITTEN, workload, workload.events(), work);

        assertThat(journeyflow).extracting(Action::getStepId).contains("reminder", "escalate");
        long entryCarts = LongStream.range(0, workload.events()).mapToObj(workload::map)
                .filter(CartJourney::isEntry).count();
        long instances = journeyflow.stream().map(Action::getInstanceId).distinct().count();
        // Most carts arrive while the customer is in the journey or cooling down: the rules that say so are exercised.
        assertThat(instances).isLessThan(entryCarts / 2);
        assertThat(handwritten).containsExactlyElementsOf(journeyflow);
    }

    @Test
    void sameActionsAtEveryEdge() throws Exception {
        ScriptedEvents scenarios = Scenarios.all();
        List<Action> journeyflow = ComparisonRuns.actions(Kind.JOURNEYFLOW, scenarios, scenarios.count(), work);
        List<Action> handwritten = ComparisonRuns.actions(Kind.HANDWRITTEN, scenarios, scenarios.count(), work);

        // Journeyflow's rules, as docs/journey-language.md states them; actions come in time order per customer.
        assertThat(journeyflow.stream().collect(Collectors.groupingBy(Action::getCustomerId,
                Collectors.mapping(Action::getStepId, Collectors.toList()))))
                .containsEntry(Scenarios.SECOND_CART, List.of("reminder", "escalate"))
                .containsEntry(Scenarios.CART_IN_COOLDOWN, List.of("reminder"))
                .containsEntry(Scenarios.CART_AT_COOLDOWN_END, List.of("reminder", "escalate"))
                // A deadline comes before an event at the same instant: the reminder goes, then the purchase ends it,
                .containsEntry(Scenarios.PURCHASE_AT_REMINDER, List.of("reminder"))
                // and a click at the escalation's instant is too late.
                .containsEntry(Scenarios.CLICK_AT_ESCALATION, List.of("reminder", "escalate"))
                .containsEntry(Scenarios.CLICK_BEFORE_REMINDER, List.of("reminder", "escalate"))
                .containsEntry(Scenarios.CLICKED, List.of("reminder"));
        assertThat(handwritten).containsExactlyElementsOf(journeyflow);
    }
}
