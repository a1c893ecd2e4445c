package io.journeyflow.core.definition;

/**
 * Parses (YAML or JSON), validates and compiles journey documents. Never throws for bad input: every problem comes
 * back as a {@link DefinitionError}. Compilation is deterministic: the same text compiles to an equivalent journey on
 * every machine, which the job relies on when each parallel instance compiles the broadcast definitions itself.
 *
 * <p>Not thread-safe; create one per operator instance (creation sets up the expression environment once).
 */
public final class JourneyCompiler {

    public JourneyCompiler() {
        // API skeleton: implemented in the core engine work.
    }

    /** Compiles one document. */
    public CompilationResult compile(String documentText) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
