package io.journeyflow.job;

import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.JobConfig.WatermarkMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Reads {@code --key value} pairs into a {@link JobConfig}. Durations are {@code 500ms}, {@code 5s}, {@code 10m},
 * {@code 1h}, {@code 2d} or ISO-8601; {@code none} clears a nullable option.
 */
final class JobConfigArgs {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Map<String, BiConsumer<JobConfigBuilder, String>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("bootstrap-servers", JobConfigBuilder::bootstrapServers);
        OPTIONS.put("events-topic", JobConfigBuilder::eventsTopic);
        OPTIONS.put("journeys-topic", JobConfigBuilder::journeysTopic);
        OPTIONS.put("action-topic-prefix", JobConfigBuilder::actionTopicPrefix);
        OPTIONS.put("journey-events-topic", JobConfigBuilder::journeyEventsTopic);
        OPTIONS.put("dead-letters-topic", JobConfigBuilder::deadLettersTopic);
        OPTIONS.put("erasures-topic", JobConfigBuilder::erasuresTopic);
        OPTIONS.put("census-topic", JobConfigBuilder::censusTopic);
        OPTIONS.put("census-interval", (b, v) -> b.censusInterval(duration(v)));
        OPTIONS.put("max-future-skew", (b, v) -> b.maxFutureSkew(isNone(v) ? null : duration(v)));
        OPTIONS.put("deployments-topic", JobConfigBuilder::deploymentsTopic);
        OPTIONS.put("consumer-group", JobConfigBuilder::consumerGroup);
        OPTIONS.put("transactional-id-prefix", JobConfigBuilder::transactionalIdPrefix);
        OPTIONS.put("out-of-orderness", (b, v) -> b.outOfOrderness(duration(v)));
        OPTIONS.put("idle-advance", (b, v) -> b.idleAdvance(isNone(v) ? null : duration(v)));
        OPTIONS.put("watermark-mode", (b, v) -> b.watermarkMode(WatermarkMode.valueOf(upper(v))));
        OPTIONS.put("delivery-guarantee", (b, v) -> b.deliveryGuarantee(DeliveryGuarantee.valueOf(upper(v))));
        OPTIONS.put("transaction-timeout", (b, v) -> b.transactionTimeout(duration(v)));
        OPTIONS.put("journeys-dir", (b, v) -> b.journeysDir(isNone(v) ? null : Path.of(v)));
        OPTIONS.put("policies", (b, v) -> b.policies(isNone(v) ? null : Path.of(v)));
        OPTIONS.put("until", (b, v) -> b.until(isNone(v) ? null : Instant.parse(v)));
        OPTIONS.put("parallelism", (b, v) -> b.parallelism(Integer.parseInt(v)));
        OPTIONS.put("max-parallelism", (b, v) -> b.maxParallelism(Integer.parseInt(v)));
        OPTIONS.put("checkpoint-interval", (b, v) -> b.checkpointInterval(duration(v)));
        OPTIONS.put("state-backend", (b, v) -> b.stateBackend(StateBackendKind.valueOf(upper(v))));
        OPTIONS.put("checkpoint-dir", (b, v) -> b.checkpointDir(isNone(v) ? null : v));
        OPTIONS.put("customer-cache", (b, v) -> b.customerCache(Integer.parseInt(v)));
        OPTIONS.put("customer-cache-changed", (b, v) -> b.customerCacheChanged(Integer.parseInt(v)));
    }

    private JobConfigArgs() {
    }

    static JobConfig apply(JobConfig base, String[] args) {
        JobConfigBuilder builder = base.toBuilder();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            BiConsumer<JobConfigBuilder, String> option = key == null ? null : OPTIONS.get(key);
            if (option == null) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: --"
                        + String.join(", --", OPTIONS.keySet()));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option '" + args[i] + "' needs a value");
            }
            try {
                option.accept(builder, args[i + 1]);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("bad value '" + args[i + 1] + "' for " + args[i] + ": "
                        + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    static Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Duration.parse(text.trim());
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static boolean isNone(String value) {
        return value.equalsIgnoreCase("none");
    }

    private static String upper(String value) {
        return value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
