package io.journeyflow.state.cli;

import io.journeyflow.state.StateToolException;
import io.journeyflow.state.funnel.FunnelFormat;
import io.journeyflow.state.funnel.FunnelQuery;
import io.journeyflow.state.savepoint.Savepoint;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code journeyctl state funnel}: customers per journey, version and step, how long they waited, what is due. */
@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = {"Customers per journey, version and step, with how long they have waited at the step "
                + "(p50/p90/p99 since step_entered_at) and how many deadlines with a registered timer fall within "
                + "the next day and week (overdue ones included).",
                "Waits are measured from --now; by default the latest event time the savepoint's state records "
                        + "(entries, step changes, exits, profile updates), so the same savepoint always gives the "
                        + "same funnel."})
public final class FunnelCommand extends StateSubcommand {

    @Mixin
    private SavepointOptions savepoint;

    @Option(names = "--now", paramLabel = "TIME",
            description = "ISO-8601 instant, or 'wall' for the wall clock. "
                    + "Default: the latest event time in the state.")
    private String now;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        FunnelFormat output = Formats.parse(FunnelFormat.class, format);
        Instant at = parseNow();
        var query = new FunnelQuery(Savepoint.open(savepoint.path), savepoint.parallelism, err);
        output.print(query.run(at), out);
        return 0;
    }

    private Instant parseNow() {
        if (now == null) {
            return null;
        }
        if (now.equals("wall")) {
            return Instant.now();
        }
        try {
            return Instant.parse(now);
        } catch (DateTimeParseException e) {
            throw new StateToolException("--now must be an ISO-8601 instant such as 2026-11-02T10:00:00Z, or 'wall'; "
                    + "got '" + now + "'");
        }
    }
}
