package io.journeyflow.bench.growth;

import io.journeyflow.bench.scale.Measurements;
import java.util.List;
import java.util.Locale;

/** The growth measurements as a markdown table, one row per run, in the order given. */
public final class GrowthTable {

    private static final String HEADER = """
            | customers | journeys | load events/s | mixed events/s | heap used MB | RSS MB | \
            state MB (full checkpoint) | state bytes/customer | incremental checkpoint ms |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|
            """;

    private GrowthTable() {
    }

    public static String markdown(List<Measurements> runs) {
        StringBuilder table = new StringBuilder(HEADER);
        for (Measurements run : runs) {
            table.append(String.format(Locale.ROOT,
                    "| %,d | %d | %,.0f | %,.0f | %,.0f | %,.0f | %,.1f | %,.0f | %,.0f |%n",
                    (long) run.get("customers"), (long) run.get("journeys"), run.get("load_events_per_s"),
                    run.get("mixed_events_per_s"), megabytes(run, "heap_used_bytes"), megabytes(run, "rss_bytes"),
                    megabytes(run, "checkpoint2_full_bytes"),
                    run.get("checkpoint2_full_bytes") / run.get("customers"), run.get("checkpoint2_ms")));
        }
        return table.toString();
    }

    static double megabytes(Measurements run, String bytesKey) {
        return run.get(bytesKey) / (1024.0 * 1024.0);
    }
}
