package io.journeyflow.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), Set.of("promotional"));

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void outsideQuietHoursIsAllowedAtOnce() {
        assertThat(NIGHT.nextAllowed(at("2026-11-02T12:00:00Z"), LONDON)).isEqualTo(at("2026-11-02T12:00:00Z"));
        assertThat(NIGHT.nextAllowed(at("2026-11-02T08:00:00Z"), LONDON)).as("the end is not quiet")
                .isEqualTo(at("2026-11-02T08:00:00Z"));
    }

    @Test
    void beforeMidnightWaitsUntilTomorrowMorningAfterMidnightUntilThisMorning() {
        assertThat(NIGHT.nextAllowed(at("2026-11-02T21:00:00Z"), LONDON)).isEqualTo(at("2026-11-03T08:00:00Z"));
        assertThat(NIGHT.nextAllowed(at("2026-11-03T03:00:00Z"), LONDON)).isEqualTo(at("2026-11-03T08:00:00Z"));
    }

    @Test
    void theCustomersOwnZoneDecides() {
        // 12:00 UTC is 21:00 in Tokyo: quiet there, until 08:00 Tokyo, which is 23:00 UTC.
        assertThat(NIGHT.nextAllowed(at("2026-11-02T12:00:00Z"), TOKYO)).isEqualTo(at("2026-11-02T23:00:00Z"));
    }

    @Test
    void daylightSavingChangesMoveTheWindowWithTheLocalClock() {
        // London springs forward on 2026-03-29 at 01:00 UTC: 08:00 local is 07:00 UTC that morning.
        assertThat(NIGHT.nextAllowed(at("2026-03-28T23:30:00Z"), LONDON)).isEqualTo(at("2026-03-29T07:00:00Z"));
        // London falls back on 2026-10-25 at 01:00 UTC: 08:00 local is 08:00 UTC that morning.
        assertThat(NIGHT.nextAllowed(at("2026-10-24T22:00:00Z"), LONDON)).isEqualTo(at("2026-10-25T08:00:00Z"));
    }

    @Test
    void anEndInsideTheSpringForwardGapResumesJustAfterTheGap() {
        QuietHours early = new QuietHours(LocalTime.of(0, 0), LocalTime.of(1, 30), Set.of("promotional"));
        // 01:30 local does not exist on 2026-03-29 in London (01:00 jumps to 02:00); java.time moves it to 02:30 BST.
        assertThat(early.nextAllowed(at("2026-03-29T00:10:00Z"), LONDON)).isEqualTo(at("2026-03-29T01:30:00Z"));
    }
}
