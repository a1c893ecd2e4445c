package io.journeyflow.job.control;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.DefinitionError;
import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one control record does to one journey, and the answer it gets. Pure: the registry operator and the start-up
 * loader both apply these rules, so a journey is judged the same wherever it comes from.
 *
 * <p>Rules: the record key must equal the document's id; a version lower than the deployed one is rejected; the same
 * version with different content is rejected (bump the version); the same content with another status changes the
 * status only; a higher version becomes current, older versions stay for customers still in flight on them; no text
 * retires the journey.
 */
public final class DeploymentRules {

    /**
     * @param updated the journey as it must now be kept and broadcast, or {@code null} when nothing changed
     * @param answer the answer for the deployments topic
     */
    public record Outcome(JourneyRecord updated, JourneyDeployment answer) {
    }

    private static final String NO_KEY = "the record has no key: it must be the journey id";

    private final JourneyCompiler compiler;

    public DeploymentRules(JourneyCompiler compiler) {
        this.compiler = compiler;
    }

    public Outcome apply(JourneyRecord current, ControlRecord record) {
        String key = record.getKey();
        boolean keyed = key != null && !key.isBlank();
        if (record.getText() == null) {
            return keyed ? retire(current, key, record) : rejected("", null, record, List.of(NO_KEY));
        }
        CompilationResult result = compile(record.getText());
        if (!keyed) {
            return rejected(Objects.requireNonNullElse(result.journeyId(), ""), result.version(), record,
                    List.of(NO_KEY));
        }
        if (!result.isValid()) {
            return rejected(key, result.version(), record,
                    result.errors().stream().map(DefinitionError::toString).toList());
        }
        CompiledJourney journey = result.journey();
        if (!key.equals(journey.id())) {
            return rejected(key, journey.version(), record,
                    List.of("the record key '" + key + "' differs from the document id '" + journey.id() + "'"));
        }
        if (current == null) {
            JourneyRecord created = new JourneyRecord(key, journey.status(), journey.version(),
                    Map.of(String.valueOf(journey.version()), record.getText()), 0L);
            return changed(created, record);
        }
        int deployed = current.getCurrentVersion();
        if (journey.version() < deployed) {
            return rejected(key, journey.version(), record, List.of("version " + journey.version()
                    + " is older than the deployed version " + deployed));
        }
        if (journey.version() == deployed) {
            CompilationResult deployedResult = compile(current.getVersions().get(String.valueOf(deployed)));
            if (!deployedResult.isValid() || !deployedResult.journey().fingerprint().equals(journey.fingerprint())) {
                return rejected(key, deployed, record, List.of("version " + deployed
                        + " is already deployed with different content: bump the version"));
            }
            if (journey.status() == current.getStatus()) {
                return new Outcome(null, answer(key, deployed, DeploymentStatus.unchanged, record, List.of()));
            }
            return changed(JourneyRecord.newBuilder(current).setStatus(journey.status()).build(), record);
        }
        Map<String, String> versions = new HashMap<>(current.getVersions());
        versions.put(String.valueOf(journey.version()), record.getText());
        return changed(new JourneyRecord(key, journey.status(), journey.version(), versions, current.getCensus()),
                record);
    }

    private Outcome retire(JourneyRecord current, String id, ControlRecord record) {
        if (current == null || current.getStatus() == JourneyStatus.retired) {
            Integer version = current == null ? null : current.getCurrentVersion();
            return new Outcome(null, answer(id, version, DeploymentStatus.unchanged, record, List.of()));
        }
        return changed(JourneyRecord.newBuilder(current).setStatus(JourneyStatus.retired).build(), record);
    }

    private CompilationResult compile(String text) {
        try {
            return compiler.compile(text);
        } catch (RuntimeException e) {
            // The compiler promises not to throw; if it ever does, one document must not stop the job.
            return new CompilationResult(null, List.of(new DefinitionError(null, null, null,
                    "the compiler failed: " + e)), null, null);
        }
    }

    private static Outcome changed(JourneyRecord updated, ControlRecord record) {
        DeploymentStatus status = switch (updated.getStatus()) {
            case active -> DeploymentStatus.accepted;
            case paused -> DeploymentStatus.paused;
            case retired -> DeploymentStatus.retired;
        };
        return new Outcome(updated, answer(updated.getJourneyId(), updated.getCurrentVersion(), status, record,
                List.of()));
    }

    private static Outcome rejected(String id, Integer version, ControlRecord record, List<String> errors) {
        return new Outcome(null, answer(id, version, DeploymentStatus.rejected, record, errors));
    }

    static JourneyDeployment answer(String id, Integer version, DeploymentStatus status, ControlRecord record) {
        return answer(id, version, status, record, List.of());
    }

    private static JourneyDeployment answer(String id, Integer version, DeploymentStatus status, ControlRecord record,
                                            List<String> errors) {
        return JourneyDeployment.newBuilder()
                .setJourneyId(id)
                .setVersion(version)
                .setStatus(status)
                .setErrors(List.copyOf(errors))
                .setSourceTopic(record.getSourceTopic())
                .setPartition(record.getPartition())
                .setOffset(record.getOffset())
                .build();
    }
}
