package io.journeyflow.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.core.definition.Durations;
import org.junit.jupiter.api.Test;

class ActivityViewTest {

    @Test
    void windowsReadAsDurationsReadsThem() {
        for (String window : new String[] {"1d", "5d", "30d", "365d", "0d", "07d", "999d", "1w", "48h", "P2D", " 5d"}) {
            assertThat(ActivityView.windowMillis(window)).as(window).isEqualTo(Durations.parse(window));
        }
    }

    @Test
    void whatDurationsRefusesIsRefusedWithItsMessage() {
        for (String window : new String[] {"d", "xd", "5x", "", "-d", "9999d", "4000d"}) {
            assertThatThrownBy(() -> ActivityView.windowMillis(window)).as(window)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(messageOf(window));
        }
    }

    private static String messageOf(String window) {
        try {
            Durations.parse(window);
            return "no failure";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
