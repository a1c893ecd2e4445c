package io.journeyflow.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors a user meets before any Flink job runs: each one line on the error stream, exit code 1 or 2. */
class StateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPathThatDoesNotExistIsNamedAsSuch() {
        Path missing = dir.resolve("no-such-savepoint");

        Cli run = Cli.run("funnel", "-s", missing.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("journeyctl state funnel: no savepoint at " + missing
                + ": the path does not exist" + System.lineSeparator());
    }

    @Test
    void aDirectoryWithoutSavepointMetadataIsRefusedInOneLine() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a savepoint");

        Cli run = Cli.run("inspect", "c-1", "--savepoint", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("journeyctl state inspect: no savepoint at " + dir + ": ")
                .contains("_metadata");
    }

    @Test
    void badOptionValuesAreRefusedBeforeAnythingIsRead() {
        String savepoint = dir.toString();

        assertThat(Cli.run("funnel", "-s", savepoint, "--format", "xml").err().strip())
                .isEqualTo("journeyctl state funnel: --format must be one of table, json, csv; got 'xml'");
        assertThat(Cli.run("funnel", "-s", savepoint, "--now", "yesterday").err().strip())
                .isEqualTo("journeyctl state funnel: --now must be an ISO-8601 instant such as 2026-11-02T10:00:00Z, "
                        + "or 'wall'; got 'yesterday'");
        assertThat(Cli.run("profiles", "-s", savepoint, "--where", "tier").err().strip())
                .isEqualTo("journeyctl state profiles: --where needs PATH=VALUE, e.g. attributes.tier=gold; "
                        + "got 'tier'");
    }

    @Test
    void withoutACommandTheUsageIsShown() {
        Cli run = Cli.run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("funnel", "profiles", "inspect", "bootstrap");
    }
}
