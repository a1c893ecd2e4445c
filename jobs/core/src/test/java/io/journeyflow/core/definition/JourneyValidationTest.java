package io.journeyflow.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;

/** One test per rejection: each asserts the journey, step and field the error names. */
class JourneyValidationTest {

    private final JourneyCompiler compiler = new JourneyCompiler();

    /** A valid journey with {@code steps} (YAML list items, indented by two) appended. */
    private static String withSteps(String steps) {
        return "id: j1\nversion: 1\nentry: {event: signup}\nsteps:\n" + steps;
    }

    private ListAssert<DefinitionError> errors(String document) {
        CompilationResult result = compiler.compile(document);
        assertThat(result.isValid()).isFalse();
        return assertThat(result.errors());
    }

    /** Asserts one error at exactly this place whose message contains {@code fragment}. */
    private void rejects(String document, String step, String field, String fragment) {
        errors(document).anySatisfy(e -> {
            assertThat(e.journeyId()).isEqualTo("j1");
            assertThat(e.stepId()).isEqualTo(step);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(fragment);
        });
    }

    @Test
    void unparseableText() {
        errors("id: [unclosed\n  : :").singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("document is neither YAML nor JSON"));
        errors("just text").singleElement().satisfies(e -> assertThat(e.message()).contains("mapping"));
        errors("   ").singleElement().satisfies(e -> assertThat(e.message()).contains("empty"));
    }

    @Test
    void duplicateKeysAreRejectedNotOverwritten() {
        errors("id: j1\nid: j2\nversion: 1\nentry: {event: a}\nsteps: [{id: a, wait: 1h}]").singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Duplicate field 'id'"));
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        errors("name: nothing else").extracting(e -> e.field())
                .containsExactlyInAnyOrder("id", "version", "entry", "steps");
    }

    @Test
    void badIdPattern() {
        errors("id: Cart Abandonment\nversion: 1\nentry: {event: a}\nsteps: [{id: a, wait: 1h}]")
                .anySatisfy(e -> {
                    assertThat(e.journeyId()).isEqualTo("Cart Abandonment");
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.message()).contains("must match");
                });
    }

    @Test
    void yamlBooleanWordsAreNotTakenAsText() {
        rejects(withSteps("  - {id: a, wait: 1h, next: off}\n  - {id: b, wait: 1h}"), "a", "next", "quote values such as");
    }

    @Test
    void badVersion() {
        rejects("id: j1\nversion: 0\nentry: {event: a}\nsteps: [{id: a, wait: 1h}]", null, "version", "1 or more");
        rejects("id: j1\nversion: two\nentry: {event: a}\nsteps: [{id: a, wait: 1h}]", null, "version", "integer");
    }

    @Test
    void unknownTopLevelField() {
        rejects(withSteps("  - {id: a, wait: 1h}") + "\nholdut: 10%", null, "holdut", "unknown field 'holdut'");
    }

    @Test
    void unknownStepField() {
        rejects(withSteps("  - {id: a, wait: 1h, nxt: end}"), "a", "nxt", "unknown field 'nxt'");
    }

    @Test
    void unknownNestedField() {
        rejects(withSteps("  - {id: a, wait_for: {event: x, within: 1h, corelate: true}}"), "a", "wait_for.corelate",
                "unknown field");
        rejects("id: j1\nversion: 1\nentry: {event: a, whne: 'true'}\nsteps: [{id: a, wait: 1h}]", null, "entry.whne",
                "unknown field");
    }

    @Test
    void unknownStepKindAndZeroKinds() {
        rejects(withSteps("  - {id: a, sleep: 1h}"), "a", "sleep", "unknown field 'sleep'");
        rejects(withSteps("  - {id: a, sleep: 1h}"), "a", null, "exactly one kind");
    }

    @Test
    void twoKindsInOneStep() {
        rejects(withSteps("  - {id: a, wait: 1h, goto: a}"), "a", null, "this one has [wait, goto]");
    }

    @Test
    void duplicateStepIds() {
        rejects(withSteps("  - {id: a, wait: 1h}\n  - {id: a, wait: 2h}"), "a", "id", "duplicate step id 'a'");
    }

    @Test
    void reservedAndMalformedStepIds() {
        rejects(withSteps("  - {id: end, wait: 1h}"), null, "steps[0].id", "reserved");
        rejects(withSteps("  - {id: Big Step, wait: 1h}"), null, "steps[0].id", "must match");
    }

    @Test
    void targetsNamingMissingSteps() {
        rejects(withSteps("  - {id: a, wait: 1h, next: nowhere}"), "a", "next", "'nowhere' names no step");
        rejects(withSteps("  - {id: a, wait_for: {event: x, within: 1h}, on_timeout: gone}"), "a", "on_timeout",
                "'gone' names no step");
        rejects(withSteps("  - {id: a, goto: missing}"), "a", "goto", "'missing' names no step");
        rejects(withSteps("  - {id: a, branch: [{when: 'true', goto: b1}, {otherwise: b2}]}"), "a", "branch[0].goto",
                "'b1' names no step");
        rejects(withSteps("  - {id: a, branch: [{when: 'true', goto: end}, {otherwise: b2}]}"), "a",
                "branch[1].otherwise", "'b2' names no step");
        rejects(withSteps("  - {id: a, split: {x: 50, end: 50}}"), "a", "split.x", "'x' names no step");
    }

    @Test
    void unreachableSteps() {
        rejects(withSteps("  - {id: a, wait: 1h, next: end}\n  - {id: orphan, wait: 1h}"), "orphan", null,
                "unreachable");
    }

    @Test
    void waitForWithoutWithin() {
        rejects(withSteps("  - {id: a, wait_for: {event: message_clicked}}"), "a", "wait_for.within", "is required");
    }

    @Test
    void zeroAndNegativeDurations() {
        rejects(withSteps("  - {id: a, wait: 0s}"), "a", "wait", "greater than zero");
        rejects(withSteps("  - {id: a, wait: -5m}"), "a", "wait", "greater than zero");
        rejects(withSteps("  - {id: a, wait_for: {event: x, within: PT-1H}}"), "a", "wait_for.within",
                "greater than zero");
    }

    @Test
    void badDurationText() {
        rejects(withSteps("  - {id: a, wait: soon}"), "a", "wait", "'soon' is not a duration");
        rejects(withSteps("  - {id: a, wait: 1 hour}"), "a", "wait", "is not a duration");
        rejects(withSteps("  - {id: a, wait: PTXH}"), "a", "wait", "not an ISO-8601 duration");
        rejects(withSteps("  - {id: a, wait: 99999w}"), "a", "wait", "exceeds the maximum");
    }

    @Test
    void splitWeightsNotSummingTo100() {
        rejects(withSteps("  - {id: s, split: {a: 50, b: 40}}\n  - {id: a, wait: 1h, next: end}\n  - {id: b, wait: 1h}"),
                "s", "split", "sum to 90");
        rejects(withSteps("  - {id: s, split: {a: 110, b: -10}}\n  - {id: a, wait: 1h, next: end}\n  - {id: b, wait: 1h}"),
                "s", "split.b", "positive");
    }

    @Test
    void badHoldout() {
        String base = withSteps("  - {id: a, wait: 1h}");
        rejects(base + "\nholdout: 120%", null, "holdout", "from 0% to 100%");
        rejects(base + "\nholdout: ten", null, "holdout", "from 0% to 100%");
        rejects(base + "\nholdout: 10", null, "holdout", "from 0% to 100%");
    }

    @Test
    void unknownChannel() {
        rejects(withSteps("  - {id: a, action: {channel: pigeon, template: t}}"), "a", "action.channel",
                "unknown channel 'pigeon'");
        rejects(withSteps("  - {id: a, action: {channel: 'best(email, fax)', template: t}}"), "a", "action.channel",
                "unknown channel 'fax'");
        rejects(withSteps("  - {id: a, action: {channel: 'best(email, email)', template: t}}"), "a", "action.channel",
                "listed twice");
    }

    @Test
    void actionWithoutTemplate() {
        rejects(withSteps("  - {id: a, action: {channel: email}}"), "a", "action.template", "is required");
    }

    @Test
    void expressionThatDoesNotCompile() {
        rejects("id: j1\nversion: 1\nentry: {event: a, when: 'event.type =='}\nsteps: [{id: a, wait: 1h}]", null,
                "entry.when", "does not compile");
    }

    @Test
    void expressionCallingAnUnknownFunctionIsRejected() {
        rejects("id: j1\nversion: 1\nentry: {event: a, when: 'exec(\"rm -rf /\") == 0'}\nsteps: [{id: a, wait: 1h}]",
                null, "entry.when", "undeclared reference to 'exec'");
        rejects("id: j1\nversion: 1\nentry: {event: a, when: 'java.lang.System.exit(0)'}\nsteps: [{id: a, wait: 1h}]",
                null, "entry.when", "does not compile");
    }

    @Test
    void expressionThatDoesNotReturnBool() {
        rejects("id: j1\nversion: 1\nentry: {event: a, when: 'event.type'}\nsteps: [{id: a, wait: 1h}]", null,
                "entry.when", "must return bool, but returns dyn");
        rejects(withSteps("  - {id: a, branch: [{when: '1 + 2', goto: end}]}"), "a", "branch[0].when",
                "must return bool, but returns int");
        rejects(withSteps("  - {id: a, wait: 1h}") + "\nexit: [{when: \"'x'\"}]", null, "exit[0].when",
                "must return bool");
    }

    @Test
    void expressionOverTheSizeLimit() {
        String longExpression = "event.type == '" + "x".repeat(2_000) + "'";
        rejects("id: j1\nversion: 1\nentry: {event: a, when: \"" + longExpression + "\"}\nsteps: [{id: a, wait: 1h}]",
                null, "entry.when", "the limit is 2000");
    }

    @Test
    void deeplyNestedExpressionIsRejected() {
        String nested = "(".repeat(200) + "true" + ")".repeat(200);
        rejects("id: j1\nversion: 1\nentry: {event: a, when: '" + nested + "'}\nsteps: [{id: a, wait: 1h}]", null,
                "entry.when", "does not compile");
    }

    @Test
    void zeroDelayLoop() {
        rejects(withSteps("""
                  - {id: a, action: {channel: email, template: t}}
                  - {id: b, branch: [{when: 'true', goto: a}], next: c}
                  - {id: c, wait: 1h}
                """), "a", null, "loop without a wait or wait_for step: a -> b -> a");
        rejects(withSteps("  - {id: a, goto: a}"), "a", null, "a -> a");
    }

    @Test
    void loopThroughAWaitIsAllowed() {
        CompilationResult result = compiler.compile(withSteps("""
                  - {id: a, action: {channel: email, template: t}}
                  - {id: w, wait: 1d}
                  - {id: b, goto: a}
                """));

        assertThat(result.errors()).isEmpty();
    }

    @Test
    void migrateWithoutOnUpdateMigrateAndViceVersa() {
        String base = withSteps("  - {id: a, wait: 1h}");
        rejects(base + "\nmigrate: {a: a}", null, "migrate", "needs on_update: migrate");
        rejects(base + "\non_update: migrate", null, "migrate", "needs a migrate map");
        rejects(base + "\non_update: migrate\nmigrate: {old: nope}", null, "migrate.old", "'nope' names no step");
    }

    @Test
    void misplacedTargets() {
        rejects(withSteps("  - {id: a, wait: 1h, on_timeout: end}"), "a", "on_timeout", "only wait_for steps time out");
        rejects(withSteps("  - {id: a, goto: end, next: end}"), "a", "next", "has no effect");
        rejects(withSteps("  - {id: a, branch: [{when: 'true', goto: end}, {otherwise: end}], next: end}"), "a",
                "branch[1].otherwise", "either 'otherwise' or 'next'");
    }

    @Test
    void badEnumsAndReentry() {
        String steps = "\nsteps: [{id: a, wait: 1h}]";
        rejects("id: j1\nversion: 1\nstatus: live\nentry: {event: a}" + steps, null, "status", "not one of");
        rejects("id: j1\nversion: 1\ncategory: spam\nentry: {event: a}" + steps, null, "category", "not one of");
        rejects("id: j1\nversion: 1\nentry: {event: a, reentry: {policy: sometimes}}" + steps, null,
                "entry.reentry.policy", "not one of");
        rejects("id: j1\nversion: 1\nentry: {event: a, reentry: {policy: never, cooldown: 1d}}" + steps, null,
                "entry.reentry.cooldown", "only policy after_exit");
        rejects("id: j1\nversion: 1\non_update: replace\nentry: {event: a}" + steps, null, "on_update", "not one of");
    }

    @Test
    void exitNeedsEventOrWhen() {
        rejects(withSteps("  - {id: a, wait: 1h}") + "\nexit: [{outcome: done}]", null, "exit[0]",
                "needs an event, a when, or both");
    }

    @Test
    void documentOverSizeLimit() {
        String big = withSteps("  - {id: a, wait: 1h}") + "\nname: " + "x".repeat(JourneyCompiler.MAX_DOCUMENT_BYTES);
        errors(big).singleElement().satisfies(e -> {
            assertThat(e.journeyId()).isNull();
            assertThat(e.message()).contains("the limit is 262144");
        });
    }

    @Test
    void collectsAllErrorsInOnePass() {
        errors(withSteps("""
                  - {id: a, wait: soon}
                  - {id: b, action: {channel: fax, template: t}}
                  - {id: c, wait_for: {event: x}}
                """) + "\nholdout: 200%\ncolour: blue")
                .extracting(e -> e.stepId() + "/" + e.field())
                .contains("a/wait", "b/action.channel", "c/wait_for.within", "null/holdout", "null/colour");
    }

    @Test
    void errorsPrintWhereTheyAre() {
        assertThat(new DefinitionError("j1", "a", "wait", "bad").toString()).isEqualTo("journey 'j1', step 'a', field 'wait': bad");
    }
}
