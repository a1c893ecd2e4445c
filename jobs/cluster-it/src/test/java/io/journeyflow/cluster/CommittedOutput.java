package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.local.kafka.OutputTail;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Output topics read from the beginning as a downstream consumer reads them ({@code read_committed}): everything
 * read so far, as canonical JSON lines in arrival order.
 */
final class CommittedOutput implements AutoCloseable {

    private final OutputTail tail;
    private final List<String> seen = new ArrayList<>();

    CommittedOutput(String bootstrapServers, List<String> topics) {
        this.tail = new OutputTail(bootstrapServers, topics, true);
    }

    /** Every line read so far (a live view). */
    List<String> seen() {
        return Collections.unmodifiableList(seen);
    }

    /** Reads until {@code done} holds; fails after {@code wait}, saying what it waited for. */
    void pollUntil(BooleanSupplier done, String what, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s; %d records seen so far", what, wait, seen.size())
                    .isLessThan(deadline);
            seen.addAll(tail.poll(Duration.ofMillis(500)));
        }
    }

    /** Reads everything committed up to now. */
    void readToEnd(Duration timeout) throws IOException, TimeoutException {
        seen.addAll(tail.readToEnd(timeout));
    }

    @Override
    public void close() {
        tail.close();
    }
}
