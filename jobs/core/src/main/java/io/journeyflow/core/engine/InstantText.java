package io.journeyflow.core.engine;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code Instant.ofEpochMilli(t).toString()} for the times journey events name ("until 2026-11-23T10:00:00Z"),
 * written directly: the ISO formatter behind {@code Instant.toString} was 3% of the orchestrator's time, since every
 * wait and every deferral names its deadline. Outside years 0000 to 9999 the formatter itself writes the text.
 */
final class InstantText {

    private static final long DAY_MILLIS = 86_400_000L;
    /** 10000-01-01T00:00:00Z: from here on ISO-8601 needs a sign and more digits. */
    private static final long YEAR_10000 = 253_402_300_800_000L;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private InstantText() {
    }

    static String of(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= YEAR_10000) {
            return Instant.ofEpochMilli(epochMillis).toString();
        }
        LocalDate date = LocalDate.ofEpochDay(epochMillis / DAY_MILLIS);
        int millisOfDay = (int) (epochMillis % DAY_MILLIS);
        int seconds = millisOfDay / 1000;
        StringBuilder text = new StringBuilder(24);
        digits(text, date.getYear(), 4).append('-');
        digits(text, date.getMonthValue(), 2).append('-');
        digits(text, date.getDayOfMonth(), 2).append('T');
        digits(text, seconds / 3600, 2).append(':');
        digits(text, seconds / 60 % 60, 2).append(':');
        digits(text, seconds % 60, 2);
        if (millisOfDay % 1000 != 0) {
            digits(text.append('.'), millisOfDay % 1000, 3);
        }
        return text.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }
}
