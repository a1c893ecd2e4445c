package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Journey-event reasons must read exactly as {@code Instant.toString} wrote them. */
class InstantTextTest {

    @Test
    void readsAsInstantToStringAcrossTheRange() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            long millis = switch (i % 3) {
                case 0 -> random.nextLong(253_402_300_800_000L);
                case 1 -> random.nextLong(1_700_000_000L, 1_900_000_000L) * 1000;
                default -> random.nextLong(1_700_000_000_000L, 1_900_000_000_000L);
            };
            assertThat(InstantText.of(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void andAtTheEdges() {
        for (long millis : new long[] {0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000L,
                253_402_300_799_999L, 253_402_300_800_000L, -1, -86_400_001, Long.MAX_VALUE / 1000}) {
            assertThat(InstantText.of(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }
}
