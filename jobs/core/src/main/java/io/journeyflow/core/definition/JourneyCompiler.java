package io.journeyflow.core.definition;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses (YAML or JSON), validates and compiles journey documents. Never throws for bad input: every problem comes
 * back as a {@link DefinitionError}. Compilation is deterministic: the same text compiles to an equivalent journey on
 * every machine, which the job relies on when each parallel instance compiles the broadcast definitions itself.
 *
 * <p>Not thread-safe; create one per operator instance (creation sets up the expression environment once).
 */
public final class JourneyCompiler {

    /** Documents above this size (UTF-8 bytes) are refused before parsing. */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024;

    // YAML is a superset of JSON, so one mapper reads both; duplicate keys would silently drop a field.
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final Expressions expressions = new Expressions();
    private final JourneyReader reader = new JourneyReader(expressions);

    /** Compiles one document. */
    public CompilationResult compile(String documentText) {
        if (documentText == null || documentText.isBlank()) {
            return failure("document is empty");
        }
        int bytes = documentText.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            return failure("document is " + bytes + " bytes; the limit is " + MAX_DOCUMENT_BYTES);
        }
        JsonNode root;
        try {
            root = yaml.readTree(documentText);
        } catch (JsonProcessingException e) {
            return unparseable(e.getOriginalMessage());
        } catch (RuntimeException e) {
            // SnakeYAML signals some malformed or oversized input with unchecked exceptions.
            return unparseable(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return failure("document must be a mapping of journey fields");
        }
        JsonNode idNode = root.get("id");
        String declaredId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        JsonNode versionNode = root.get("version");
        Integer declaredVersion = versionNode != null && versionNode.canConvertToInt() && versionNode.isIntegralNumber()
                ? versionNode.intValue() : null;
        Scope scope = Scope.root(declaredId);
        JourneyDraft draft = reader.read(root, scope);
        CompiledStep[] steps = draft.steps.isEmpty() ? null : StepResolver.resolve(draft, scope);
        if (!scope.errors().isEmpty() || steps == null) {
            return new CompilationResult(null, scope.errors(), declaredId, declaredVersion);
        }
        return new CompilationResult(new CompiledJourney(draft, steps, Fingerprint.of(root)), List.of(), declaredId,
                declaredVersion);
    }

    private static CompilationResult unparseable(String parserMessage) {
        // Parser messages span lines with a caret drawing; one line reads better in a deployment answer.
        return failure("document is neither YAML nor JSON: "
                + String.valueOf(parserMessage).replaceAll("\\s+", " ").trim());
    }

    private static CompilationResult failure(String message) {
        return new CompilationResult(null, List.of(new DefinitionError(null, null, null, message)), null, null);
    }
}
