package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.DAY;
import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.schema.JourneyEventKind;
import io.journeyflow.schema.state.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live profile, the conditions that read it, next best channel and time, and erasure. */
class EngineProfileTest {

    private static final String POLICY = """
            profile: {activity: [{event: page_view, by: category}], engagement_half_life: 30d}
            best_channel: {explore: 0}
            best_hour: {default_hour: 10}
            """;

    private static Customer customer(String... journeys) {
        return new Customer("c-1", Journeys.catalog(journeys),
                new JourneyEngine(EngineOptions.defaults(), PolicyReader.read(POLICY)));
    }

    @Test
    void ordersRefundsAndTicketsAddUpAndConditionsReadThem() {
        Customer c = customer("""
                id: vip
                version: 1
                entry: {event: check, when: "profile.orders == 2 && profile.lifetime_value == 150.0
                        && profile.average_order_value == 75.0 && profile.open_support_tickets == 1"}
                steps: [{id: w, wait: 1d}]
                """);

        c.send("purchase", T0, "amount", 100.0).send("purchase", T0 + 1, "amount", 80L)
                .send("refund", T0 + 2, "amount", 30.0)
                .send("support_ticket_opened", T0 + 3).send("support_ticket_opened", T0 + 4)
                .send("support_ticket_closed", T0 + 5).send("check", T0 + 6);

        Profile profile = c.state.getProfile();
        assertThat(profile.getOrders()).isEqualTo(2);
        assertThat(profile.getRefunds()).isEqualTo(1);
        assertThat(profile.getLastPurchaseAt()).isEqualTo(T0 + 1);
        assertThat(profile.getOpenTickets()).isEqualTo(1);
        assertThat(profile.getLastTicketAt()).isEqualTo(T0 + 4);
        assertThat(c.sink.ofKind(JourneyEventKind.entered)).hasSize(1);
        assertThat(c.sink.failures).isEmpty();
    }

    @Test
    void threeViewsOfACategoryInFiveDaysWithoutAPurchaseIsOneCondition() {
        Customer c = customer("""
                id: browse
                version: 1
                entry: {event: page_view,
                        when: "profile.activity['page_view:shoes']['5d'] >= 3 && profile.orders == 0"}
                steps: [{id: w, wait: 1d}]
                """);

        c.send("page_view", T0 - 6 * DAY, "category", "shoes").send("page_view", T0 - 2 * DAY, "category", "shoes")
                .send("page_view", T0 - DAY, "category", "hats").send("page_view", T0 - HOUR, "category", "shoes");
        assertThat(c.sink.ofKind(JourneyEventKind.entered)).as("the first view fell out of the window").isEmpty();

        c.send("page_view", T0, "category", "shoes");
        assertThat(c.sink.ofKind(JourneyEventKind.entered)).hasSize(1);
        assertThat(c.state.getProfile().getActivity()).containsOnlyKeys("page_view", "page_view:shoes",
                "page_view:hats");
    }

    @Test
    void anActivityWindowThatIsNotWholeDaysFailsTheConditionVisibly() {
        Customer c = customer("""
                id: bad
                version: 1
                entry: {event: page_view, when: "profile.activity['page_view']['5h'] > 0"}
                steps: [{id: w, wait: 1d}]
                """);

        c.send("page_view", T0);

        assertThat(c.sink.ofKind(JourneyEventKind.entered)).isEmpty();
        assertThat(c.sink.failures).singleElement().asString().contains("whole days");
    }

    @Test
    void bestChannelFollowsTheCustomersOwnClicksAndSaysWhy() {
        Customer c = customer("""
                id: nudge
                version: 1
                entry: {event: go}
                steps: [{id: n, action: {channel: "best(email, push)", template: t}}]
                """);
        for (int i = 0; i < 10; i++) {
            c.send("message_delivered", T0 - DAY + i, "channel", "email");
            c.send("message_delivered", T0 - DAY + i, "channel", "push");
        }
        c.send("message_clicked", T0 - HOUR, "channel", "push").send("message_clicked", T0 - HOUR + 1, "channel", "push");

        c.send("go", T0);

        assertThat(c.sink.actions).singleElement().satisfies(a -> {
            assertThat(a.getChannel()).isEqualTo("push");
            assertThat(a.getReason()).contains("best: push; click rate email 0.03 vs push 0.10");
        });
    }

    @Test
    void anEngagementEventNamingOnlyTheActionCountsForThatActionsChannel() {
        Customer c = customer("""
                id: nudge
                version: 1
                entry: {event: go}
                steps: [{id: n, action: {channel: sms, template: t}}]
                """);
        c.send("go", T0);
        String actionId = c.sink.actions.get(0).getActionId();

        c.send("message_clicked", T0 + HOUR, "action_id", actionId).send("message_opened", T0 + HOUR, "action_id", "x-1");

        assertThat(actionId).startsWith("sms-");
        assertThat(c.state.getProfile().getEngagement()).containsOnlyKeys("sms");
        assertThat(c.state.getProfile().getEngagement().get("sms").getClicked()).isEqualTo(1.0);
    }

    @Test
    void explorationIsASeededShareOfDecisionsAndRepeatsExactly() {
        String journey = """
                id: nudge
                version: 1
                entry: {event: go}
                steps: [{id: n, action: {channel: "best(email, push)", template: t}}]
                """;
        ContactPolicy exploring = PolicyReader.read("best_channel: {explore: 0.3}");
        MutableCatalog catalog = Journeys.catalog(journey);
        List<String> first = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            for (List<String> run : List.of(first, again)) {
                Customer c = new Customer("c-" + i, catalog, new JourneyEngine(EngineOptions.defaults(), exploring));
                c.send("message_clicked", T0 - DAY, "channel", "email").send("go", T0);
                run.add(c.sink.actions.get(0).getChannel());
            }
        }

        assertThat(again).isEqualTo(first);
        // Email has the better record; exploring picks either channel, so push gets about half of 30%.
        double pushShare = first.stream().filter("push"::equals).count() / (double) first.size();
        assertThat(pushShare).isCloseTo(0.15, within(0.03));
    }

    @Test
    void conditionsReadTheHourOfWeekHistogramInTheCustomersZone() {
        Customer c = customer("""
                id: evening-reader
                version: 1
                entry: {event: go, when: "size(profile.engaged_hours) == 168 && profile.engaged_hours[19] == 2"}
                steps: [{id: w, wait: 1d}]
                """);
        // Monday 18:30 UTC is 19:30 in Paris (UTC+1 in November): hour of week 19.
        c.send("profile_updated", T0, "time_zone", "Europe/Paris")
                .send("message_opened", T0 + 8 * HOUR + 30 * 60_000L, "channel", "email")
                .send("message_clicked", T0 + 8 * HOUR + 31 * 60_000L, "channel", "email")
                .send("go", T0 + DAY);

        assertThat(c.sink.ofKind(JourneyEventKind.entered)).hasSize(1);
        assertThat(c.sink.failures).isEmpty();
    }

    @Test
    void engagementDecaysByItsHalfLife() {
        Customer c = customer();
        c.send("message_clicked", T0, "channel", "email");
        c.send("message_delivered", T0 + 30 * DAY, "channel", "email");

        assertThat(c.state.getProfile().getEngagement().get("email").getClicked()).isCloseTo(0.5, within(1e-9));
        assertThat(c.state.getProfile().getEngagement().get("email").getDelivered()).isEqualTo(1.0);
    }

    @Test
    void bestHourWaitsForTheHourOfWeekTheCustomerEngagesMost() {
        String journey = """
                id: digest
                version: 1
                entry: {event: go}
                steps: [{id: send, action: {channel: email, template: t, send_at: best_hour, within: 1d}}]
                """;
        Customer engaged = customer(journey);
        // Clicks on Tuesdays at 03:05 in Tokyo (Mondays 18:05 UTC; Tokyo has no daylight saving).
        engaged.send("profile_updated", T0 - 21 * DAY, "time_zone", "Asia/Tokyo");
        for (int week = 1; week <= 3; week++) {
            engaged.send("message_clicked", Instant.parse("2026-11-02T18:05:00Z").toEpochMilli() - week * 7 * DAY,
                    "channel", "email");
        }
        Customer unknown = customer(journey);

        engaged.send("go", T0).advanceTo(T0 + DAY);
        unknown.send("go", T0 + HOUR).advanceTo(T0 + 2 * DAY);

        assertThat(engaged.sink.actions).singleElement().satisfies(a -> assertThat(a.getDecidedAt())
                .isEqualTo(Instant.parse("2026-11-02T18:00:00Z").toEpochMilli()));
        assertThat(engaged.sink.ofKind(JourneyEventKind.action_deferred)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).startsWith("deferred:best_hour"));
        assertThat(unknown.sink.actions).as("no history: the default hour, 10:00 UTC, the next day")
                .singleElement().satisfies(a -> assertThat(a.getDecidedAt()).isEqualTo(T0 + DAY));
    }

    @Test
    void erasureRemovesEverythingEndsInstancesAndConfirms() {
        Customer c = customer("""
                id: waits
                version: 1
                entry: {event: go}
                steps: [{id: w, wait: 3d}, {id: a, action: {channel: email, template: t}}]
                """);
        c.send("profile_updated", T0, "name", "Ada").send("message_clicked", T0 + 1, "channel", "email")
                .send("go", T0 + 2);
        assertThat(c.timers).isNotEmpty();

        c.send("erase_customer", T0 + 3).advanceTo(T0 + 10 * DAY);

        assertThat(c.state).isNull();
        assertThat(c.timers).isEmpty();
        assertThat(c.sink.actions).isEmpty();
        assertThat(c.sink.erasures).singleElement().satisfies(e -> {
            assertThat(e.getCustomerId()).isEqualTo("c-1");
            assertThat(e.getHadState()).isTrue();
            assertThat(e.getInstancesEnded()).isEqualTo(1);
        });
        assertThat(c.sink.trail()).endsWith("waits:exited:w");
    }

    @Test
    void erasingAnUnknownCustomerStillConfirms() {
        Customer c = customer();

        c.send("erase_customer", T0);

        assertThat(c.state).isNull();
        assertThat(c.sink.erasures).singleElement().satisfies(e -> assertThat(e.getHadState()).isFalse());
    }
}
