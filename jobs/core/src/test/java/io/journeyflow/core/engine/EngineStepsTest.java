package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.journeyflow.schema.JourneyEventKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineStepsTest {

    static final String TIERS = """
            id: tiers
            version: 1
            entry: {event: signup}
            steps:
              - id: route
                branch:
                  - {when: "profile.attributes.tier == 'gold'", goto: gold}
                  - {when: "event.properties.source == 'ad'", goto: ad}
              - {id: plain, action: {channel: email, template: plain}, next: end}
              - {id: gold, action: {channel: email, template: gold}, next: end}
              - {id: ad, action: {channel: email, template: ad}}
            """;

    static final String AB = """
            id: ab
            version: 1
            entry: {event: signup}
            steps:
              - {id: pick, split: {arm-a: 20, arm-b: 80}}
              - {id: arm-a, action: {channel: email, template: a}, next: end}
              - {id: arm-b, action: {channel: email, template: b}}
            """;

    @Test
    void branchTakesTheFirstTrueArm() {
        Customer gold = new Customer("c-1", Journeys.catalog(TIERS));
        gold.send("profile_updated", T0, "tier", "gold").send("signup", T0 + 1, "source", "ad");

        assertThat(gold.sink.actions).extracting(a -> a.getTemplate()).containsExactly("gold");
    }

    @Test
    void branchFallsThroughToTheFollowingStepWithoutOtherwise() {
        Customer ad = new Customer("c-1", Journeys.catalog(TIERS));
        ad.send("profile_updated", T0, "tier", "silver").send("signup", T0 + 1, "source", "ad");
        Customer plain = new Customer("c-2", Journeys.catalog(TIERS));
        plain.send("profile_updated", T0, "tier", "silver").send("signup", T0 + 1, "source", "search");

        assertThat(ad.sink.actions).extracting(a -> a.getTemplate()).containsExactly("ad");
        assertThat(plain.sink.actions).extracting(a -> a.getTemplate()).containsExactly("plain");
    }

    @Test
    void aConditionFailingAtRunTimeCountsAsFalseAndIsReported() {
        Customer c = new Customer("c-1", Journeys.catalog(TIERS));

        c.send("signup", T0, "source", "ad");

        assertThat(c.sink.actions).extracting(a -> a.getTemplate()).containsExactly("ad");
        assertThat(c.sink.failures).singleElement().asString()
                .startsWith("tiers/route: branch[0].when:").contains("tier");
    }

    @Test
    void splitIsStickyAndRecordedOnInstanceAndAction() {
        Customer c = new Customer("c-1", Journeys.catalog(AB));

        c.send("signup", T0).send("signup", T0 + 1).send("signup", T0 + 2);

        assertThat(c.sink.actions).extracting(a -> a.getVariant()).hasSize(3).containsOnly(c.sink.actions.get(0).getVariant());
        assertThat(c.sink.actions.get(0).getStepId()).isEqualTo(c.sink.actions.get(0).getVariant());
    }

    @Test
    void splitDistributionFollowsTheWeights() {
        MutableCatalog catalog = Journeys.catalog(AB);
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults());
        Map<String, Integer> counts = new HashMap<>();
        int customers = 20_000;
        for (int i = 0; i < customers; i++) {
            Customer c = new Customer("cust-" + i, catalog, engine);
            c.send("signup", T0);
            counts.merge(c.sink.actions.get(0).getVariant(), 1, Integer::sum);
        }

        assertThat(counts.get("arm-a") / (double) customers).isCloseTo(0.20, within(0.015));
        assertThat(counts.get("arm-b") / (double) customers).isCloseTo(0.80, within(0.015));
    }

    @Test
    void gotoJumpsAndEndEndsWithItsOutcome() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: jumps
                version: 1
                entry: {event: go}
                steps:
                  - {id: start, branch: [{when: "true", goto: hop}]}
                  - {id: skipped, action: {channel: email, template: never}, next: end}
                  - {id: hop, goto: last}
                  - {id: last, end: finished}
                """));

        c.send("go", T0);

        assertThat(c.sink.trail()).containsExactly("jumps:entered", "jumps:step_reached:start", "jumps:step_reached:hop",
                "jumps:step_reached:last",
                "jumps:exited:last");
        assertThat(c.sink.ofKind(JourneyEventKind.exited).get(0).getReason()).isEqualTo("finished");
        assertThat(c.sink.actions).isEmpty();
    }

    @Test
    void endWithOutcomeConvertedIsAConversion() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: conv
                version: 1
                entry: {event: go}
                steps: [{id: done, end: converted}]
                """));

        c.send("go", T0);

        assertThat(c.sink.ofKind(JourneyEventKind.converted)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("converted"));
    }

    @Test
    void aRunLongerThanTheStepBudgetEndsWithAnError() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: long
                version: 1
                entry: {event: go}
                steps:
                  - {id: s1, goto: s2}
                  - {id: s2, goto: s3}
                  - {id: s3, goto: s4}
                  - {id: s4, end: done}
                """), new JourneyEngine(new EngineOptions(32, 3)));

        c.send("go", T0);

        assertThat(c.sink.ofKind(JourneyEventKind.exited)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("error:step_budget"));
        assertThat(c.state).isNull();
    }

    @Test
    void loopsThroughAWaitRevisitStepsWithDistinctActionIds() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: nag
                version: 1
                entry: {event: go}
                exit: [{event: stop}]
                steps:
                  - {id: nag, action: {channel: email, template: t}}
                  - {id: pause, wait: 1d}
                  - {id: again, goto: nag}
                """));

        c.send("go", T0).advanceTo(T0 + 3 * Journeys.DAY).send("stop", T0 + 3 * Journeys.DAY + 1);

        assertThat(c.sink.actions).hasSize(4).extracting(a -> a.getActionId()).doesNotHaveDuplicates();
        assertThat(c.state).isNull();
    }
}
