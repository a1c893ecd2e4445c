package io.journeyflow.core.definition;

import java.util.List;

/**
 * What {@link JourneyCompiler#compile} makes of one document: a compiled journey, or every error found in it.
 *
 * @param journey the compiled journey, {@code null} when there are errors
 * @param errors every error found, empty when the journey compiled
 * @param journeyId the id the document declares, when it could be read (also for invalid documents)
 * @param version the version the document declares, when it could be read
 */
public record CompilationResult(CompiledJourney journey, List<DefinitionError> errors, String journeyId,
        Integer version) {

    public CompilationResult {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return journey != null && errors.isEmpty();
    }
}
