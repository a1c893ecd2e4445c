package io.journeyflow.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample journeys plus a probe journey whose action follows its entry event at once, in a temporary folder. */
final class ProbeJourneys {

    private static final Path SAMPLES = Path.of("jobs/local/src/main/resources/journeys");

    /** Transactional, so neither caps nor quiet hours defer it; every cart update acts on the webhook channel. */
    private static final String PROBE = """
            id: latency-probe
            version: 1
            category: transactional
            entry:
              event: cart_updated
              reentry: {policy: always}
            steps:
              - {id: notify, action: {channel: webhook, template: cart-updated}}
            """;

    private ProbeJourneys() {
    }

    static Path folder() throws IOException {
        Path folder = Files.createTempDirectory("journeyflow-latency-journeys");
        try (Stream<Path> samples = Files.list(SAMPLES)) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, folder.resolve(sample.getFileName()));
            }
        }
        Files.writeString(folder.resolve("latency-probe.yaml"), PROBE);
        return folder;
    }
}
