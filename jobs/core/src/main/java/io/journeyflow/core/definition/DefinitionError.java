package io.journeyflow.core.definition;

/**
 * One problem with a journey document. Every error names where it is, so a marketer can fix it without reading code.
 *
 * @param journeyId the journey's id, or {@code null} when the document has none
 * @param stepId the step, or {@code null} for journey-level fields
 * @param field the field path inside the journey or step, e.g. {@code wait_for.within}
 * @param message what is wrong, in words
 */
public record DefinitionError(String journeyId, String stepId, String field, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder("journey '").append(journeyId == null ? "?" : journeyId).append('\'');
        if (stepId != null) {
            where.append(", step '").append(stepId).append('\'');
        }
        if (field != null) {
            where.append(", field '").append(field).append('\'');
        }
        return where.append(": ").append(message).toString();
    }
}
