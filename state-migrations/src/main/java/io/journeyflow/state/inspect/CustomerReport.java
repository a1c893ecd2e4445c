package io.journeyflow.state.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.customer.DueTime;
import io.journeyflow.state.render.AvroJson;
import io.journeyflow.state.savepoint.SavedState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Everything the job holds for one customer: the state record (rendered from its schema, instants as ISO times), each
 * registered event-time timer with what it is for, every due time of the state, and any that no timer will reach (the
 * job keeps a timer at the earliest due time and moves it on to the next when it fires).
 */
public final class CustomerReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final ObjectNode report;

    public CustomerReport(SavedState<String, CustomerState> customer) {
        List<DueTime> due = DueTime.of(customer.value());
        report = JSON.createObjectNode().put("customer_id", customer.key());
        ArrayNode timers = report.putArray("event_time_timers");
        for (long timer : customer.timers()) {
            ArrayNode purposes = timers.addObject().put("at", Instant.ofEpochMilli(timer).toString()).putArray("for");
            due.stream().filter(d -> d.time() == timer).forEach(d -> purposes.add(d.purpose()));
            if (purposes.isEmpty()) {
                purposes.add("nothing in the state: it will fire and find nothing due");
            }
        }
        ArrayNode dueTimes = report.putArray("due_times");
        due.forEach(d -> add(dueTimes, d));
        ArrayNode untimed = report.putArray("due_without_timer");
        due.stream().filter(d -> !customer.reaches(d.time())).forEach(d -> add(untimed, d));
        report.set("state", AvroJson.of(customer.value()));
    }

    private static void add(ArrayNode list, DueTime due) {
        list.addObject().put("at", Instant.ofEpochMilli(due.time()).toString()).put("for", due.purpose());
    }

    public JsonNode asJson() {
        return report;
    }

    /** YAML: the same tree, easier on the eye. */
    public void printText(PrintWriter out) {
        try {
            out.print(YAML.writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!report.get("due_without_timer").isEmpty()) {
            out.println("# due_without_timer: these act only when the customer's next event arrives");
        }
        out.flush();
    }

    public void printJson(PrintWriter out) {
        out.println(report.toPrettyString());
        out.flush();
    }
}
