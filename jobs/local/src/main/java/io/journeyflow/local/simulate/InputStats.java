package io.journeyflow.local.simulate;

import io.journeyflow.local.json.EventJson;
import io.journeyflow.local.json.InvalidEventException;
import io.journeyflow.schema.CustomerEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What the input held, counted independently of the job: lines, usable events, and events whose id the same customer
 * already sent (the job drops those as duplicates, which is why they start nothing).
 *
 * @param lines inputs that carry something (blank lines excluded)
 * @param events inputs that decode into an event
 * @param duplicates events repeating a (customer, event id) seen earlier
 */
public record InputStats(long lines, long events, long duplicates) {

    /** Counts inputs one at a time. */
    public static final class Tally {
        private final Set<String> seen = new HashSet<>();
        private long lines;
        private long events;
        private long duplicates;

        public void event(CustomerEvent event) {
            lines++;
            events++;
            if (!seen.add(event.getCustomerId() + '\u0000' + event.getEventId())) {
                duplicates++;
            }
        }

        public void invalid() {
            lines++;
        }

        public InputStats result() {
            return new InputStats(lines, events, duplicates);
        }
    }

    static InputStats scan(Path file) throws IOException {
        Tally tally = new Tally();
        // Replace, not report: an undecodable line is still a line (the job dead-letters it); here it fails to parse.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    tally.event(EventJson.parse(line));
                } catch (InvalidEventException e) {
                    tally.invalid();
                }
            }
        }
        return tally.result();
    }
}
