package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.schema.state.CustomerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecentHashesTest {

    @Test
    void keepsTheNewestUpToTheLimitOldestFirst() {
        RecentHashes hashes = new RecentHashes();
        for (long hash = 1; hash <= 11; hash++) {
            hashes.remember(hash, 4);
        }

        assertThat(hashes).containsExactly(8L, 9L, 10L, 11L);
        assertThat(LongStream.rangeClosed(1, 12).filter(hashes::containsHash)).containsExactly(8L, 9L, 10L, 11L);
        assertThat(hashes.getLong(0)).isEqualTo(8L);
        assertThatThrownBy(() -> hashes.getLong(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aLowerLimitDropsTheOldestFirst() {
        RecentHashes hashes = new RecentHashes();
        LongStream.rangeClosed(1, 6).forEach(hash -> hashes.remember(hash, 32));

        hashes.remember(7, 3);

        assertThat(hashes).containsExactly(5L, 6L, 7L);
        assertThat(hashes.containsHash(4)).isFalse();
    }

    @Test
    void aListReadFromAvroIsReplacedOnceKeepingItsOrder() {
        CustomerState state = new CustomerState(new HashMap<>(), new HashMap<>(), new ArrayList<>(List.of(3L, 1L, 2L)),
                null, new ArrayList<>(), new HashMap<>(), null);

        RecentHashes recent = RecentHashes.of(state);

        assertThat(recent).containsExactly(3L, 1L, 2L);
        assertThat(state.getRecentEventHashes()).isSameAs(recent);
        assertThat(RecentHashes.of(state)).isSameAs(recent);
        recent.remember(4, 3);
        assertThat(state.getRecentEventHashes()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void isAListLikeAnyOtherForAvroAndEquality() {
        RecentHashes hashes = new RecentHashes();
        LongStream.rangeClosed(1, 9).forEach(hash -> hashes.remember(hash, 5));

        assertThat(hashes).isEqualTo(List.of(5L, 6L, 7L, 8L, 9L)).hasSameHashCodeAs(List.of(5L, 6L, 7L, 8L, 9L));
        assertThat(hashes.remove(0)).isEqualTo(5L);
        assertThat(hashes.add(10L)).isTrue();
        assertThat(hashes).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThatThrownBy(() -> hashes.remove(2)).isInstanceOf(UnsupportedOperationException.class);
        hashes.clear();
        assertThat(hashes).isEmpty();
        assertThat(hashes.containsHash(9)).isFalse();
    }
}
