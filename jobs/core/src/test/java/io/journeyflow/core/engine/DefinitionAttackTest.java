package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.DefinitionError;
import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.schema.JourneyEventKind;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Journey definitions as an attack surface: what tries to reach the machine is refused at validation, and what is
 * legal but expensive is bounded when it runs (a failed condition counts as false and is reported).
 */
class DefinitionAttackTest {

    private final JourneyCompiler compiler = new JourneyCompiler();

    private String firstError(String when) {
        CompilationResult result = compiler.compile(
                "id: j1\nversion: 1\nentry: {event: go, when: '" + when + "'}\nsteps: [{id: a, wait: 1h}]");
        assertThat(result.isValid()).as(when).isFalse();
        return result.errors().stream().map(DefinitionError::toString).collect(Collectors.joining("; "));
    }

    @Test
    void reflectionFilesProcessesAndTypesOutsideTheSandboxDoNotCompile() {
        assertThat(firstError("readFile(\"/etc/passwd\") != \"\"")).contains("undeclared reference to 'readFile'");
        assertThat(firstError("java.nio.file.Files.exists(\"/\")")).contains("does not compile");
        assertThat(firstError("Runtime.getRuntime().exec(\"id\") == null")).contains("does not compile");
        assertThat(firstError("type(event).getClass() == null")).contains("does not compile");
        assertThat(firstError("google.protobuf.Any{} == null")).contains("does not compile");
    }

    @Test
    void loopsInsideLoopsAreRefusedAtValidation() {
        String hundred = IntStream.range(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
        // 100 x 100 x 100 = a million iterations if it were allowed to run, within the 2,000-character limit.
        String cubic = hundred + ".all(a, " + hundred + ".all(b, " + hundred + ".all(c, a + b + c >= 0)))";
        // A million-element list built in memory.
        String allocating = hundred + ".map(a, " + hundred + ".map(b, " + hundred + ")).size() > 0";

        assertThat(firstError(cubic)).contains("nests a loop");
        assertThat(firstError(allocating)).contains("nests a loop");
    }

    @Test
    void oneLevelOfLoopIsAllowedAndBoundedByTheExpressionsLength() {
        // Event properties are scalars, so a single loop runs over a literal list: at most the 2,000 characters allow.
        Customer c = new Customer("c-1", Journeys.catalog(
                "id: loop\nversion: 1\nentry: {event: go, when: '[1, 2, 3].exists(i, i == event.properties.n)'}\n"
                        + "steps: [{id: a, wait: 1h}]"));

        c.send("go", T0, "n", 2L);

        assertThat(c.sink.ofKind(JourneyEventKind.entered)).hasSize(1);
    }

    @Test
    void aYamlAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [")
                    .append(("*" + previous + ",").repeat(8)).setLength(bomb.length() - 1);
            bomb.append("]\n");
        }
        bomb.append("id: j1\nversion: 1\nentry: {event: go}\nsteps: [{id: a, wait: 1h}]\n");

        long started = System.nanoTime();
        CompilationResult result = compiler.compile(bomb.toString());

        // Expanded, the nine levels of eight references would be 8^9 (134 million) strings.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.isValid()).isFalse();
    }
}
