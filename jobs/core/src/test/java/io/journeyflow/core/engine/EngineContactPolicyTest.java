package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.DAY;
import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.MINUTE;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Caps, quiet hours, suppressions and arbitration, through the engine, as the operator drives it. */
class EngineContactPolicyTest {

    /** One email per trigger; T0 is Monday 2026-11-02 10:00 UTC. */
    static final String MAILER = """
            id: %s
            version: 1
            priority: %d
            category: %s
            entry: {event: %s}
            steps: [{id: mail, action: {channel: email, template: t, if_capped: %s}}]
            """;

    private static String mailer(String id, int priority, String category, String entryEvent, String ifCapped) {
        return MAILER.formatted(id, priority, category, entryEvent, ifCapped);
    }

    private static Customer customer(String policy, String... journeys) {
        return new Customer("c-1", Journeys.catalog(journeys),
                new JourneyEngine(EngineOptions.defaults(), PolicyReader.read(policy)));
    }

    private static String reasonOf(Customer c, JourneyEventKind kind) {
        return c.sink.ofKind(kind).stream().map(JourneyEvent::getReason).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void aCapCountsARollingHalfOpenWindow() {
        Customer c = customer("caps: [{id: email/day, channel: email, max: 1, per: 1d}]",
                mailer("promo", 0, "promotional", "go", "skip"));

        c.send("go", T0).send("go", T0 + DAY - 1).send("go", T0 + DAY);

        assertThat(c.sink.actions).extracting(a -> a.getDecidedAt()).containsExactly(T0, T0 + DAY);
        assertThat(c.sink.ofKind(JourneyEventKind.action_suppressed)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("capped:email/day"));
    }

    @Test
    void aDeferredCappedActionIsSentWhenTheCapAllowsByItsOwnTimer() {
        Customer c = customer("caps: [{id: email/day, channel: email, max: 1, per: 1d}]",
                mailer("first", 0, "promotional", "go", "defer"), mailer("second", 0, "promotional", "later", "defer"));

        c.send("go", T0).send("later", T0 + HOUR);
        assertThat(c.sink.actions).hasSize(1);
        assertThat(reasonOf(c, JourneyEventKind.action_deferred))
                .isEqualTo("deferred:capped:email/day until " + Instant.ofEpochMilli(T0 + DAY));
        assertThat(c.timers).contains(T0 + DAY);

        c.advanceTo(T0 + DAY);
        assertThat(c.sink.actions).extracting(a -> a.getJourneyId() + "@" + a.getDecidedAt())
                .containsExactly("first@" + T0, "second@" + (T0 + DAY));
        assertThat(c.state.getInstances()).isEmpty();
    }

    @Test
    void transactionalActionsBypassCapsAndAreNotCounted() {
        Customer c = customer("caps: [{id: email/day, channel: email, max: 1, per: 1d}]",
                mailer("receipt", 0, "transactional", "buy", "skip"), mailer("promo", 0, "promotional", "go", "skip"));

        c.send("go", T0).send("buy", T0 + 1).send("buy", T0 + 2);

        assertThat(c.sink.actions).extracting(a -> a.getJourneyId()).containsExactly("promo", "receipt", "receipt");
    }

    @Test
    void quietHoursDeferToTheMorningInTheCustomersZoneAndConsentIsCheckedAgain() {
        Customer c = customer("quiet_hours: {from: \"21:00\", to: \"08:00\"}",
                mailer("promo", 0, "promotional", "go", "skip"));
        long nineInTheEveningTokyo = Instant.parse("2026-11-02T12:00:00Z").toEpochMilli();

        c.send("profile_updated", nineInTheEveningTokyo - 1, "time_zone", "Asia/Tokyo").send("go", nineInTheEveningTokyo);
        assertThat(c.sink.actions).isEmpty();
        assertThat(reasonOf(c, JourneyEventKind.action_deferred)).startsWith("deferred:quiet_hours until 2026-11-02T23:00:00Z");

        c.send("consent_changed", nineInTheEveningTokyo + HOUR, "channel", "email", "granted", false);
        c.advanceTo(Instant.parse("2026-11-02T23:00:00Z").toEpochMilli());
        assertThat(c.sink.actions).as("consent withdrawn while the action waited").isEmpty();
        assertThat(reasonOf(c, JourneyEventKind.action_suppressed)).isEqualTo("suppressed:consent");
        assertThat(c.state.getInstances()).isEmpty();
    }

    @Test
    void theHigherPriorityWinsArbitrationAndTheLoserFollowsItsOwnSetting() {
        String policy = "arbitration: {window: 0s, defer: 1h}";
        Customer skip = customer(policy, mailer("a-low", 1, "promotional", "go", "skip"),
                mailer("z-high", 9, "promotional", "go", "skip"));
        Customer defer = customer(policy, mailer("a-low", 1, "promotional", "go", "defer"),
                mailer("z-high", 9, "promotional", "go", "skip"));

        skip.send("go", T0);
        defer.send("go", T0).advanceTo(T0 + HOUR);

        assertThat(skip.sink.actions).extracting(a -> a.getJourneyId()).containsExactly("z-high");
        assertThat(reasonOf(skip, JourneyEventKind.action_suppressed)).isEqualTo("arbitration:z-high");
        assertThat(defer.sink.actions).extracting(a -> a.getJourneyId() + "@" + a.getDecidedAt())
                .containsExactly("z-high@" + T0, "a-low@" + (T0 + HOUR));
    }

    @Test
    void equalPrioritiesBreakTiesByJourneyId() {
        Customer c = customer("arbitration: {window: 0s}", mailer("bravo", 5, "promotional", "go", "skip"),
                mailer("alpha", 5, "promotional", "go", "skip"));

        c.send("go", T0);

        assertThat(c.sink.actions).extracting(a -> a.getJourneyId()).containsExactly("alpha");
        assertThat(reasonOf(c, JourneyEventKind.action_suppressed)).isEqualTo("arbitration:alpha");
    }

    @Test
    void anOpenTicketSuppressesPromotionsUntilEveryTicketIsClosed() {
        Customer c = customer("""
                suppressions: [{id: open-ticket, start_on: support_ticket_opened, end_on: support_ticket_closed,
                                max: 14d, categories: [promotional]}]
                """, mailer("promo", 0, "promotional", "go", "skip"), mailer("care", 0, "service", "care", "skip"));

        c.send("support_ticket_opened", T0).send("support_ticket_opened", T0 + 1).send("support_ticket_closed", T0 + 2);
        c.send("go", T0 + 3).send("care", T0 + 4);
        assertThat(c.sink.actions).extracting(a -> a.getJourneyId()).containsExactly("care");
        assertThat(reasonOf(c, JourneyEventKind.action_suppressed)).isEqualTo("suppressed:open-ticket");

        c.send("support_ticket_closed", T0 + 5).send("go", T0 + 6);
        assertThat(c.sink.actions).extracting(a -> a.getJourneyId()).containsExactly("care", "promo");
    }

    @Test
    void aSuppressionThatOnlyExpiresLeavesNoStateOrTimerBehind() {
        Customer c = customer("suppressions: [{id: bought, start_on: bought, max: 3d, journeys: [cart]}]",
                mailer("cart", 0, "promotional", "go", "skip"));

        c.send("bought", T0).send("go", T0 + 3 * DAY - 1);
        assertThat(c.sink.actions).isEmpty();
        c.advanceTo(T0 + 3 * DAY);
        assertThat(c.state).as("nothing left to keep").isNull();
        assertThat(c.timers).isEmpty();
        c.send("go", T0 + 3 * DAY + MINUTE);
        assertThat(c.sink.actions).hasSize(1);
    }

    @Test
    void anActionDeferredTooLongIsSkippedAsExpired() {
        Customer c = customer("""
                caps: [{id: email/week, channel: email, max: 1, per: 7d}]
                max_defer: 2d
                """, mailer("first", 0, "promotional", "go", "defer"), mailer("second", 0, "promotional", "then", "defer"));

        c.send("go", T0).send("then", T0 + 1);

        assertThat(c.sink.actions).hasSize(1);
        assertThat(reasonOf(c, JourneyEventKind.action_suppressed)).isEqualTo("expired:capped:email/week");
    }

    @Test
    void theLedgerEmptiesByTimerOnceNoCapCanCountIt() {
        Customer c = customer("caps: [{id: email/day, channel: email, max: 1, per: 1d}]",
                mailer("promo", 0, "promotional", "go", "skip"));

        c.send("go", T0);
        assertThat(c.state.getLedger()).hasSize(1);
        c.advanceTo(T0 + 2 * DAY);

        assertThat(c.state).isNull();
        assertThat(c.timers).isEmpty();
    }

    @Test
    void aQuietCustomerIsTidiedByOneTimerWhenTheLastRecordLapsesAndLapsedRecordsCountForNothingBefore() {
        Customer c = customer("""
                caps: [{id: email/day, channel: email, max: 1, per: 1d}]
                suppressions: [{id: bought, start_on: bought, max: 3d, journeys: [cart]}]
                """, mailer("promo", 0, "promotional", "go", "skip"));

        c.send("go", T0).send("bought", T0 + HOUR);
        assertThat(c.timers).as("one timer for the ledger entry and the suppression, at the later lapse")
                .containsExactly(T0 + HOUR + 3 * DAY);

        c.advanceTo(T0 + 2 * DAY);
        assertThat(c.state.getLedger()).as("lapsed a day ago, not tidied yet").hasSize(1);
        c.send("go", T0 + 2 * DAY);
        assertThat(c.sink.actions).as("the lapsed entry caps nothing").hasSize(2);
        assertThat(c.state.getLedger()).as("the event tidied the lapsed entry").singleElement()
                .satisfies(entry -> assertThat(entry.getAt()).isEqualTo(T0 + 2 * DAY));

        c.advanceTo(T0 + HOUR + 3 * DAY);
        assertThat(c.state).as("nothing left to keep").isNull();
        assertThat(c.timers).isEmpty();
    }
}
