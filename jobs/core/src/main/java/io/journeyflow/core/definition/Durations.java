package io.journeyflow.core.definition;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Duration text: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}, {@code 1w}, or ISO-8601. */
public final class Durations {

    /** Ten years: far beyond any journey, and far from overflowing event time arithmetic. */
    static final long MAX_MILLIS = Duration.ofDays(3650).toMillis();

    private static final Pattern SHORT = Pattern.compile("(-?\\d{1,9})(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** Milliseconds (negative if the text says so); throws with a readable message on bad text. */
    public static long parse(String text) {
        String trimmed = text.trim();
        Matcher m = SHORT.matcher(trimmed);
        long millis;
        if (m.matches()) {
            long unit = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                default -> 604_800_000L;
            };
            // Nine digits times a week stays far inside a long, so this cannot overflow.
            millis = Long.parseLong(m.group(1)) * unit;
        } else if (trimmed.startsWith("P") || trimmed.startsWith("-P")) {
            try {
                millis = Duration.parse(trimmed).toMillis();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration");
            }
        } else {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write e.g. 500ms, 90s, 30m, 1h, 2d, 1w or PT1H");
        }
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException("duration '" + text + "' exceeds the maximum of 3650d");
        }
        return millis;
    }
}
