package io.journeyflow.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.state.JourneyStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyCompilerTest {

    static final String FULL = """
            id: cart-abandonment
            version: 3
            status: paused
            name: Cart abandonment
            priority: 50
            category: service
            entry:
              event: cart_updated
              when: "double(event.properties.cart_value) > 0.0"
              reentry: {policy: after_exit, cooldown: 7d}
            exit:
              - {event: purchase, outcome: converted}
              - {when: "has(profile.attributes.vip) && profile.attributes.vip == true", outcome: suppressed}
            holdout: 2.5%
            on_update: migrate
            migrate: {wait-1h: wait-1h, old-reminder: reminder}
            steps:
              - {id: wait-1h, wait: 1h}
              - {id: reminder, action: {channel: email, template: cart-reminder-1, payload: {discount: "5%", n: 3}}}
              - {id: engaged, wait_for: {event: message_clicked, within: 2d, correlate: true}, on_timeout: pick, next: end}
              - id: pick
                branch:
                  - {when: "profile.attributes.tier == 'gold'", goto: escalate}
                  - {otherwise: ab}
              - {id: ab, split: {escalate: 30, bye: 70}}
              - {id: escalate, action: {channel: "best(push, sms)", template: cart-reminder-2}, next: bye}
              - {id: bye, end: gave_up}
            """;

    private final JourneyCompiler compiler = new JourneyCompiler();

    @Test
    void compilesEveryFeatureOfTheLanguage() {
        CompilationResult result = compiler.compile(FULL);

        assertThat(result.errors()).isEmpty();
        assertThat(result.isValid()).isTrue();
        CompiledJourney journey = result.journey();
        assertThat(journey.id()).isEqualTo("cart-abandonment");
        assertThat(journey.version()).isEqualTo(3);
        assertThat(journey.status()).isEqualTo(JourneyStatus.paused);
        assertThat(journey.priority()).isEqualTo(50);
        assertThat(journey.category()).isEqualTo("service");
        assertThat(journey.entryEventType()).isEqualTo("cart_updated");
        assertThat(journey.entryCondition().source()).isEqualTo("double(event.properties.cart_value) > 0.0");
        assertThat(journey.reentryPolicy()).isEqualTo(ReentryPolicy.AFTER_EXIT);
        assertThat(journey.cooldownMillis()).isEqualTo(7 * 86_400_000L);
        assertThat(journey.exits()).extracting(ExitRule::eventType, ExitRule::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("purchase", "converted"),
                        org.assertj.core.groups.Tuple.tuple(null, "suppressed"));
        assertThat(journey.holdoutBasisPoints()).isEqualTo(250);
        assertThat(journey.onUpdate()).isEqualTo(UpdatePolicy.MIGRATE);
        assertThat(journey.migrate()).containsEntry("old-reminder", "reminder");
        assertThat(journey.stepCount()).isEqualTo(7);
        assertThat(journey.awaits("message_clicked")).isTrue();
        assertThat(journey.awaits("page_view")).isFalse();
    }

    @Test
    void resolvesTargetsToStepIndices() {
        CompiledJourney journey = compiler.compile(FULL).journey();
        CompiledStep wait = journey.step(journey.indexOf("wait-1h"));
        CompiledStep engaged = journey.step(journey.indexOf("engaged"));
        CompiledStep pick = journey.step(journey.indexOf("pick"));
        CompiledStep ab = journey.step(journey.indexOf("ab"));
        CompiledStep escalate = journey.step(journey.indexOf("escalate"));

        assertThat(wait.kind()).isEqualTo(StepKind.WAIT);
        assertThat(wait.durationMillis()).isEqualTo(3_600_000L);
        assertThat(wait.next()).isEqualTo(journey.indexOf("reminder"));
        assertThat(engaged.next()).isEqualTo(CompiledStep.END);
        assertThat(engaged.onTimeout()).isEqualTo(journey.indexOf("pick"));
        assertThat(engaged.correlate()).isTrue();
        assertThat(pick.branches()).extracting(BranchArm::target).containsExactly(journey.indexOf("escalate"));
        assertThat(pick.next()).isEqualTo(journey.indexOf("ab"));
        assertThat(ab.splits()).extracting(SplitArm::variant, SplitArm::bucketLimit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("escalate", 3000),
                        org.assertj.core.groups.Tuple.tuple("bye", 10000));
        assertThat(escalate.action().isBest()).isTrue();
        assertThat(escalate.action().bestOf()).containsExactly("push", "sms");
        assertThat(journey.step(journey.indexOf("reminder")).action().payload())
                .containsEntry("discount", "5%").containsEntry("n", "3");
        assertThat(journey.step(journey.indexOf("bye")).outcome()).isEqualTo("gave_up");
        assertThat(journey.indexOf("nope")).isEqualTo(CompiledJourney.NO_STEP);
    }

    @Test
    void readsJsonAsWellAsYaml() {
        String json = """
                {"id": "j1", "version": 1, "entry": {"event": "signup"},
                 "steps": [{"id": "w", "wait": "PT2H"}, {"id": "a", "action": {"channel": "sms", "template": "t"}}]}
                """;

        CompilationResult result = compiler.compile(json);

        assertThat(result.errors()).isEmpty();
        assertThat(result.journey().step(0).durationMillis()).isEqualTo(7_200_000L);
    }

    @Test
    void defaultsApplyWhenFieldsAreAbsent() {
        CompiledJourney journey = compiler.compile("""
                id: j1
                version: 1
                entry: {event: signup}
                steps: [{id: a, action: {channel: best, template: t}}]
                """).journey();

        assertThat(journey.status()).isEqualTo(JourneyStatus.active);
        assertThat(journey.category()).isEqualTo("promotional");
        assertThat(journey.priority()).isZero();
        assertThat(journey.reentryPolicy()).isEqualTo(ReentryPolicy.ALWAYS);
        assertThat(journey.holdoutBasisPoints()).isZero();
        assertThat(journey.onUpdate()).isEqualTo(UpdatePolicy.KEEP);
        assertThat(journey.step(0).action().bestOf()).containsExactly("email", "push", "sms", "in_app");
        assertThat(journey.step(0).next()).isEqualTo(CompiledStep.END);
    }

    @Test
    void fingerprintIgnoresStatusAndSpellingButNotContent() {
        String yaml = FULL;
        String otherStatus = FULL.replace("status: paused", "status: active");
        String reordered = FULL.replace("name: Cart abandonment\npriority: 50", "priority: 50\nname: Cart abandonment");
        String changed = FULL.replace("wait: 1h", "wait: 2h");

        String fingerprint = compiler.compile(yaml).journey().fingerprint();

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]+");
        assertThat(compiler.compile(otherStatus).journey().fingerprint()).isEqualTo(fingerprint);
        assertThat(reordered).isNotEqualTo(yaml);
        assertThat(compiler.compile(reordered).journey().fingerprint()).isEqualTo(fingerprint);
        assertThat(compiler.compile(changed).journey().fingerprint()).isNotEqualTo(fingerprint);
    }

    @Test
    void reportsIdAndVersionEvenForInvalidDocuments() {
        CompilationResult result = compiler.compile("""
                id: broken
                version: 4
                entry: {event: signup}
                steps: [{id: a, wait: soon}]
                """);

        assertThat(result.isValid()).isFalse();
        assertThat(result.journey()).isNull();
        assertThat(result.journeyId()).isEqualTo("broken");
        assertThat(result.version()).isEqualTo(4);
    }

    @Test
    void compilingTwiceGivesEquivalentJourneys() {
        List<CompiledJourney> twice = List.of(compiler.compile(FULL).journey(), new JourneyCompiler().compile(FULL).journey());

        assertThat(twice.get(0).fingerprint()).isEqualTo(twice.get(1).fingerprint());
        assertThat(twice.get(0).stepCount()).isEqualTo(twice.get(1).stepCount());
    }
}
