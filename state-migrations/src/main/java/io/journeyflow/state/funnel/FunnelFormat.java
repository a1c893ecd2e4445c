package io.journeyflow.state.funnel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyflow.state.render.CsvWriter;
import io.journeyflow.state.render.HumanDuration;
import io.journeyflow.state.render.TextTable;
import java.io.PrintWriter;
import java.util.List;

/** Prints a {@link Funnel}: a table for people, JSON or CSV (waits in whole seconds) for other tools. */
public enum FunnelFormat {
    TABLE, JSON, CSV;

    private static final List<String> CSV_HEADER = List.of("journey_id", "version", "step_id", "customers",
            "waited_p50_s", "waited_p90_s", "waited_p99_s", "deadlines_within_1d", "deadlines_within_7d");

    public void print(Funnel funnel, PrintWriter out) {
        switch (this) {
            case TABLE -> table(funnel, out);
            case JSON -> json(funnel, out);
            case CSV -> csv(funnel, out);
        }
        out.flush();
    }

    private static void table(Funnel funnel, PrintWriter out) {
        out.printf("now: %s (%s); %,d customers with state%n", funnel.now(), funnel.nowSource(), funnel.customers());
        TextTable table = new TextTable(List.of("journey", "version", "step", "customers", "waited p50", "p90",
                "p99", "due <1d", "due <7d"));
        for (Funnel.Row row : funnel.rows()) {
            table.add(List.of(row.step().journeyId(), String.valueOf(row.step().version()), row.step().stepId(),
                    String.valueOf(row.customers()), HumanDuration.of(row.waitedP50()),
                    HumanDuration.of(row.waitedP90()), HumanDuration.of(row.waitedP99()),
                    String.valueOf(row.dueWithinDay()), String.valueOf(row.dueWithinWeek())));
        }
        table.print(out);
        if (funnel.rows().isEmpty()) {
            out.println("(no customer is in a journey)");
        }
        TimerCounts t = funnel.timers();
        out.printf("timers: %,d registered (%,d journey deadlines, %,d tidy-ups of lapsing records, "
                + "%,d that no state needs); %,d due times no timer reaches%n", t.registered(), t.forDeadlines(),
                t.forStateOnly(), t.needless(), t.unhonoured());
    }

    private static void json(Funnel funnel, PrintWriter out) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("now", funnel.now().toString());
        root.put("now_source", funnel.nowSource());
        root.put("customers", funnel.customers());
        ArrayNode steps = root.putArray("steps");
        for (Funnel.Row row : funnel.rows()) {
            steps.addObject()
                    .put("journey_id", row.step().journeyId())
                    .put("version", row.step().version())
                    .put("step_id", row.step().stepId())
                    .put("customers", row.customers())
                    .put("waited_p50_s", row.waitedP50().toSeconds())
                    .put("waited_p90_s", row.waitedP90().toSeconds())
                    .put("waited_p99_s", row.waitedP99().toSeconds())
                    .put("deadlines_within_1d", row.dueWithinDay())
                    .put("deadlines_within_7d", row.dueWithinWeek());
        }
        TimerCounts t = funnel.timers();
        ObjectNode timers = root.putObject("timers");
        timers.put("registered", t.registered());
        timers.put("journey_deadlines", t.forDeadlines());
        timers.put("other_due_times", t.forStateOnly());
        timers.put("needed_by_no_state", t.needless());
        timers.put("due_times_without_timer", t.unhonoured());
        out.println(root.toPrettyString());
    }

    private static void csv(Funnel funnel, PrintWriter out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row(CSV_HEADER);
        funnel.rows().forEach(row -> csv.row(values(row)));
    }

    private static List<String> values(Funnel.Row row) {
        return List.of(row.step().journeyId(), String.valueOf(row.step().version()), row.step().stepId(),
                String.valueOf(row.customers()), String.valueOf(row.waitedP50().toSeconds()),
                String.valueOf(row.waitedP90().toSeconds()), String.valueOf(row.waitedP99().toSeconds()),
                String.valueOf(row.dueWithinDay()), String.valueOf(row.dueWithinWeek()));
    }
}
