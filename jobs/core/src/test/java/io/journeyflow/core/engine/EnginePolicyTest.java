package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.journeyflow.schema.JourneyEventKind;
import org.junit.jupiter.api.Test;

class EnginePolicyTest {

    static final String HELLO = """
            id: hello
            version: 1
            entry: {event: signup}
            steps:
              - {id: mail, action: {channel: email, template: welcome}}
              - {id: nudge, action: {channel: "%s", template: nudge}}
            """;

    private static String holdout(String percent) {
        return HELLO.formatted("push") + "holdout: " + percent + "\n";
    }

    @Test
    void heldOutCustomersWalkTheStepsButReceiveNoActions() {
        Customer c = new Customer("c-1", Journeys.catalog(holdout("100%")));

        c.send("signup", T0);

        assertThat(c.sink.actions).isEmpty();
        assertThat(c.sink.trail()).containsExactly("hello:entered", "hello:held_out", "hello:step_reached:mail",
                "hello:action_suppressed:mail", "hello:step_reached:nudge", "hello:action_suppressed:nudge",
                "hello:exited:nudge");
        assertThat(c.sink.ofKind(JourneyEventKind.action_suppressed)).extracting(e -> e.getReason())
                .containsOnly("holdout");
    }

    @Test
    void holdoutIsDeterministicAndRoughlyItsShare() {
        MutableCatalog catalog = Journeys.catalog(holdout("10%"));
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults());
        int customers = 20_000;
        int heldOut = 0;
        for (int i = 0; i < customers; i++) {
            Customer first = new Customer("cust-" + i, catalog, engine);
            Customer again = new Customer("cust-" + i, catalog, engine);
            first.send("signup", T0);
            again.send("signup", T0 + 99);
            boolean held = !first.sink.ofKind(JourneyEventKind.held_out).isEmpty();
            assertThat(!again.sink.ofKind(JourneyEventKind.held_out).isEmpty()).isEqualTo(held);
            assertThat(first.sink.actions).hasSize(held ? 0 : 2);
            heldOut += held ? 1 : 0;
        }

        assertThat(heldOut / (double) customers).isCloseTo(0.10, within(0.01));
    }

    @Test
    void optedOutChannelIsSuppressedAndTheJourneyGoesOn() {
        Customer c = new Customer("c-1", Journeys.catalog(HELLO.formatted("push")));

        c.send("consent_changed", T0, "channel", "email", "granted", false).send("signup", T0 + 1);

        assertThat(c.sink.actionSummary()).containsExactly("hello:nudge:push");
        assertThat(c.sink.ofKind(JourneyEventKind.action_suppressed)).singleElement()
                .satisfies(e -> {
                    assertThat(e.getStepId()).isEqualTo("mail");
                    assertThat(e.getReason()).isEqualTo("suppressed:consent");
                });
    }

    @Test
    void unsubscribedOptsOutByPropertyOrEventChannel() {
        Customer byProperty = new Customer("c-1", Journeys.catalog(HELLO.formatted("push")));
        byProperty.send("unsubscribed", T0, "channel", "push").send("signup", T0 + 1);
        Customer byChannel = new Customer("c-2", Journeys.catalog(HELLO.formatted("push")));
        byChannel.send(new io.journeyflow.schema.CustomerEvent("u-1", "c-2", "unsubscribed", T0, "email",
                new java.util.HashMap<>())).send("signup", T0 + 1);

        assertThat(byProperty.sink.actionSummary()).containsExactly("hello:mail:email");
        assertThat(byChannel.sink.actionSummary()).containsExactly("hello:nudge:push");
    }

    @Test
    void grantingConsentAgainLiftsTheSuppression() {
        Customer c = new Customer("c-1", Journeys.catalog(HELLO.formatted("push")));

        c.send("consent_changed", T0, "channel", "email", "granted", false)
                .send("consent_changed", T0 + 1, "channel", "email", "granted", true)
                .send("signup", T0 + 2);

        assertThat(c.sink.actionSummary()).containsExactly("hello:mail:email", "hello:nudge:push");
    }

    @Test
    void bestNeverPicksAnOptedOutChannelAndSaysWhy() {
        Customer c = new Customer("c-1", Journeys.catalog(HELLO.formatted("best(sms, push, in_app)")));

        c.send("unsubscribed", T0, "channel", "sms").send("signup", T0 + 1);

        assertThat(c.sink.actions).hasSize(2);
        assertThat(c.sink.actions.get(1).getChannel()).isIn("push", "in_app");
        assertThat(c.sink.actions.get(1).getReason()).contains("best: " + c.sink.actions.get(1).getChannel())
                .contains("click rate push 0.05 vs in_app 0.05").doesNotContain("sms");
    }

    @Test
    void bestDefaultsToEmailPushSmsInApp() {
        Customer c = new Customer("c-1", Journeys.catalog(HELLO.formatted("best")));

        c.send("unsubscribed", T0, "channel", "email").send("signup", T0 + 1);

        assertThat(c.sink.actionSummary()).containsExactly("hello:nudge:push");
    }

    @Test
    void bestWithEveryChannelOptedOutIsSuppressed() {
        Customer c = new Customer("c-1", Journeys.catalog(HELLO.formatted("best(sms)")));

        c.send("unsubscribed", T0, "channel", "sms").send("signup", T0 + 1);

        assertThat(c.sink.ofKind(JourneyEventKind.action_suppressed)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("suppressed:consent"));
    }

    @Test
    void profileUpdatesMergeAttributesAndTimeZoneBeforeJourneysSeeTheEvent() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: vip
                version: 1
                entry: {event: profile_updated, when: "profile.attributes.vip == true && profile.attributes.ltv > 100"}
                steps: [{id: w, wait: 1d}]
                """));

        c.send("profile_updated", T0, "ltv", 250L, "time_zone", "Europe/Paris");
        c.send("profile_updated", T0 + 1, "vip", true);

        assertThat(c.sink.ofKind(JourneyEventKind.entered)).singleElement()
                .satisfies(e -> assertThat(e.getTs()).isEqualTo(T0 + 1));
        assertThat(c.state.getProfile().getAttributes()).containsEntry("ltv", 250L).containsEntry("vip", true);
        assertThat(c.state.getProfile().getTimeZone()).isEqualTo("Europe/Paris");
        assertThat(c.state.getProfile().getUpdatedAt()).isEqualTo(T0 + 1);
    }
}
