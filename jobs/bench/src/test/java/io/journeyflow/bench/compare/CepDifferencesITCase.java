package io.journeyflow.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.bench.compare.ComparisonJobs.Kind;
import io.journeyflow.core.engine.DerivedIds;
import io.journeyflow.job.TestJobs;
import io.journeyflow.schema.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the Flink CEP version of the journey does something else than Journeyflow, as observed: CEP has no notion of
 * a customer being in a journey, so every cart starts its own match, whatever the first cart's match is doing and
 * however recently the customer left. docs/benchmarks.md explains why the patterns cannot say otherwise.
 */
class CepDifferencesITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster(ComparisonRuns.PARALLELISM, TestJobs.noRestarts());

    @TempDir
    Path work;

    @Test
    void everyCartStartsItsOwnMatch() throws Exception {
        ScriptedEvents scenarios = Scenarios.all();
        Map<String, List<Action>> journeyflow = byCustomer(
                ComparisonRuns.actions(Kind.JOURNEYFLOW, scenarios, scenarios.count(), work));
        Map<String, List<Action>> cep = byCustomer(
                ComparisonRuns.actions(Kind.CEP, scenarios, scenarios.count(), work));

        for (String customer : List.of(Scenarios.SECOND_CART, Scenarios.CART_IN_COOLDOWN)) {
            List<String> carts = cartInstances(scenarios, customer);
            assertThat(instances(journeyflow.get(customer))).as(customer).containsExactly(carts.get(0));
            assertThat(instances(cep.get(customer))).as(customer).containsExactlyInAnyOrderElementsOf(carts);
            assertThat(cep.get(customer)).as(customer).containsAll(journeyflow.get(customer));
        }
        // A purchase exactly at the reminder's time and a click exactly at the escalation's both come too late, in
        // both: CEP's window is half-open like Journeyflow's deadlines. The other rules agree too.
        for (String customer : List.of(Scenarios.CART_AT_COOLDOWN_END, Scenarios.PURCHASE_AT_REMINDER,
                Scenarios.CLICK_AT_ESCALATION, Scenarios.CLICK_BEFORE_REMINDER, Scenarios.CLICKED)) {
            assertThat(cep.get(customer)).as(customer).isEqualTo(journeyflow.get(customer));
        }
    }

    @Test
    void onASeededWorkloadCepSendsWhatJourneyflowSendsAndMoreTheSameOnEveryRun() throws Exception {
        CartWorkload workload = new CartWorkload(200, 20_000, 7, 7L);
        List<Action> journeyflow = ComparisonRuns.actions(Kind.JOURNEYFLOW, workload, workload.events(), work);
        List<Action> cep = ComparisonRuns.actions(Kind.CEP, workload, workload.events(), work);
        List<Action> cepAgain = ComparisonRuns.actions(Kind.CEP, workload, workload.events(), work);

        assertThat(cepAgain).isEqualTo(cep);
        assertThat(cep).containsAll(journeyflow);
        Set<String> entered = journeyflow.stream().map(Action::getInstanceId).collect(Collectors.toSet());
        List<Action> extra = new ArrayList<>(cep);
        extra.removeAll(journeyflow);
        // Every extra action comes from a cart Journeyflow did not let in: in flight, or cooling down.
        assertThat(extra).isNotEmpty().allSatisfy(action -> assertThat(entered).doesNotContain(action.getInstanceId()));
    }

    private static Map<String, List<Action>> byCustomer(List<Action> actions) {
        return actions.stream().collect(Collectors.groupingBy(Action::getCustomerId));
    }

    private static List<String> instances(List<Action> actions) {
        return actions.stream().map(Action::getInstanceId).distinct().toList();
    }

    /** The instance id each cart of the customer would start, in time order. */
    private static List<String> cartInstances(ScriptedEvents scenarios, String customer) {
        DerivedIds ids = new DerivedIds();
        return scenarios.events().stream()
                .filter(event -> event.getCustomerId().equals(customer) && CartJourney.isEntry(event))
                .map(event -> ids.instanceId(customer, CartJourney.ID, event.getEventId()))
                .toList();
    }
}
