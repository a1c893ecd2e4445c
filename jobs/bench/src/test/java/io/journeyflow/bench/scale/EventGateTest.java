package io.journeyflow.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EventGateTest {

    @Test
    void grantsExactlyTheLimitThenHoldsReadersUntilItIsRaised() {
        EventGate gate = new EventGate();
        gate.raiseTo(2);
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acquired.add(gate.acquire().toCompletableFuture());
        }

        assertThat(acquired).extracting(CompletableFuture::isDone).containsExactly(true, true, false, false, false);
        assertThat(gate.granted()).isEqualTo(2);

        gate.raiseTo(4);
        assertThat(acquired).extracting(CompletableFuture::isDone).containsExactly(true, true, true, true, false);
        assertThat(gate.granted()).isEqualTo(4);
    }

    @Test
    void neverLowersTheLimit() {
        EventGate gate = new EventGate();
        gate.raiseTo(3);
        gate.raiseTo(1);

        assertThat(gate.acquire().toCompletableFuture()).isDone();
        assertThat(gate.acquire().toCompletableFuture()).isDone();
        assertThat(gate.acquire().toCompletableFuture()).isDone();
        assertThat(gate.acquire().toCompletableFuture()).isNotDone();
    }
}
