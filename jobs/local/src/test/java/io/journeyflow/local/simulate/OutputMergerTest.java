package io.journeyflow.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputMergerTest {

    @TempDir
    Path dir;

    @Test
    void sortsByTimeThenCustomerAndKeepsEmissionOrderWithinATie() throws Exception {
        Files.write(dir.resolve("journey-events-0.jsonl"), List.of(
                line("c-2", "j", "entered", "2026-11-02T10:00:00Z"),
                line("c-2", "j", "waiting", "2026-11-02T10:00:00Z")));
        Files.write(dir.resolve("journey-events-10.jsonl"), List.of(
                line("c-1", "j", "timed_out", "2026-11-02T09:59:59.500Z")));
        Files.write(dir.resolve("journey-events-2.jsonl"), List.of(
                line("c-3", "j", "step_reached", "2026-11-02T10:00:00Z"),
                line("c-1", "j", "entered", "2026-11-02T10:00:00Z"),
                line("c-1", "j", "action_emitted", "2026-11-02T10:00:00Z")));
        Files.write(dir.resolve("actions-0.jsonl"), List.of("{\"customer_id\":\"x\"}"));
        Path target = dir.resolve("merged.jsonl");

        OutputMerger.merge(dir, "journey-events", OutputMerger.byTimeThenCustomer("ts"), target);

        assertThat(Files.readAllLines(target)).containsExactly(
                line("c-1", "j", "timed_out", "2026-11-02T09:59:59.500Z"),
                line("c-1", "j", "entered", "2026-11-02T10:00:00Z"),
                line("c-1", "j", "action_emitted", "2026-11-02T10:00:00Z"),
                line("c-2", "j", "entered", "2026-11-02T10:00:00Z"),
                line("c-2", "j", "waiting", "2026-11-02T10:00:00Z"),
                line("c-3", "j", "step_reached", "2026-11-02T10:00:00Z"));
    }

    private static String line(String customer, String journey, String kind, String ts) {
        return "{\"journey_id\":\"" + journey + "\",\"customer_id\":\"" + customer + "\",\"instance_id\":\"i\",\"kind\":\""
                + kind + "\",\"ts\":\"" + ts + "\"}";
    }
}
