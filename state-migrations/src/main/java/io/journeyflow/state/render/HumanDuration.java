package io.journeyflow.state.render;

import java.time.Duration;

/** A duration as a person reads it at a glance, in its two largest units: {@code 3d 4h}, {@code 2h 5m}, {@code 40s}. */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String of(Duration duration) {
        if (duration.isNegative()) {
            return "-" + of(duration.negated());
        }
        long seconds = duration.toSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + seconds % 60 + "s" : seconds % 60 + "s";
    }
}
