package io.journeyflow.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {

    static final String FULL = """
            default_time_zone: Europe/London
            quiet_hours: {from: "21:00", to: "08:00"}
            max_defer: 3d
            caps:
              - {id: email/day, channel: email, max: 1, per: 1d}
              - {id: promotional/week, category: promotional, max: 3, per: 7d}
            suppressions:
              - {id: open-ticket, start_on: support_ticket_opened, end_on: support_ticket_closed, max: 14d,
                 categories: [promotional]}
              - {id: just-purchased, start_on: purchase, max: 3d, journeys: [cart-abandonment]}
            arbitration: {window: 10m, defer: 2h}
            best_channel: {prior_clicks: 2, prior_deliveries: 40, explore: 0.05}
            best_hour: {default_hour: 18}
            profile:
              engagement_half_life: 14d
              activity: [{event: page_view, by: category}, {event: cart_updated}]
              activity_days: 10
            """;

    @Test
    void readsEverySection() {
        ContactPolicy policy = PolicyReader.read(FULL);

        assertThat(policy.defaultZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(policy.quietHours().start()).isEqualTo(LocalTime.of(21, 0));
        assertThat(policy.quietHours().categories()).containsExactlyInAnyOrder("promotional", "service");
        assertThat(policy.caps()).extracting(FrequencyCap::id).containsExactly("email/day", "promotional/week");
        assertThat(policy.caps().get(0).windowMillis()).isEqualTo(86_400_000L);
        assertThat(policy.suppressions().get(0).endOn()).isEqualTo("support_ticket_closed");
        assertThat(policy.suppressions().get(1).journeys()).containsExactly("cart-abandonment");
        assertThat(policy.arbitrationWindowMillis()).isEqualTo(600_000L);
        assertThat(policy.arbitrationDeferMillis()).isEqualTo(7_200_000L);
        assertThat(policy.maxDeferMillis()).isEqualTo(3 * 86_400_000L);
        assertThat(policy.channelChoice()).isEqualTo(new ChannelChoice(2, 40, 0.05));
        assertThat(policy.defaultSendHour()).isEqualTo(18);
        assertThat(policy.activity()).containsExactly(new ActivityRule("page_view", "category"),
                new ActivityRule("cart_updated", null));
        assertThat(policy.activityDays()).isEqualTo(10);
        assertThat(policy.ledgerRetentionMillis()).as("the longest window").isEqualTo(7 * 86_400_000L);
    }

    @Test
    void anEmptyDocumentIsTheDefaultPolicyWithoutArbitration() {
        assertThat(PolicyReader.read("")).isEqualTo(ContactPolicy.defaults());
        assertThat(ContactPolicy.defaults().ledgerRetentionMillis()).as("nothing reads the ledger").isNegative();
        assertThat(PolicyReader.read("arbitration: {}").arbitrationWindowMillis()).as("same instant").isZero();
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        assertThatThrownBy(() -> PolicyReader.read("""
                default_time_zone: Mars/Olympus
                quiet_hours: {from: "21:00", to: "25:00"}
                caps:
                  - {id: t, category: transactional, max: 1, per: 1d}
                  - {id: no-window, channel: email, max: 0}
                suppressions:
                  - {id: nothing, start_on: purchase, max: 1d}
                colour: blue
                """))
                .isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems()).containsExactlyInAnyOrder(
                        "field 'colour': unknown field; known fields: arbitration, best_channel, best_hour, caps, "
                                + "default_time_zone, max_defer, profile, quiet_hours, suppressions",
                        "field 'default_time_zone': 'Mars/Olympus' is not a time zone id such as Europe/Paris or UTC",
                        "field 'quiet_hours.to': '25:00' is not a local time such as 21:00",
                        "field 'caps[0].category': transactional actions are never capped",
                        "field 'caps[1].max': must be a number from 1 to 1000",
                        "field 'caps[1].per': is required",
                        "field 'suppressions[0].categories': a suppression needs categories, journeys, or both"));
    }

    @Test
    void unparseableTextIsOneClearProblem() {
        assertThatThrownBy(() -> PolicyReader.read("caps: [unclosed"))
                .hasMessageStartingWith("the contact policy has 1 error: not YAML or JSON");
    }
}
