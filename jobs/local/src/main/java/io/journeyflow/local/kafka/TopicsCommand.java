package io.journeyflow.local.kafka;

import io.journeyflow.job.JobConfig;
import io.journeyflow.kafka.KafkaTopics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journeyctl topics}: creates the job's topics, under their default names, on a Kafka cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Creates the job's topics (default names; the journey control topic compacted). Existing "
                + "topics are left as they are.")
public final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    private String bootstrapServers;

    @Option(names = "--partitions", defaultValue = "2", paramLabel = "N",
            description = "Per topic; at least the job's parallelism, or source readers sit idle. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", description = "Default: the broker's default.")
    private Short replicationFactor;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JobConfig names = JobConfig.defaults();
        List<KafkaTopics.TopicSpec> specs =
                KafkaTopics.journeyflowTopics(partitions, names.journeysTopic(), names.plainTopics());
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        List<String> created;
        try (Admin admin = Admin.create(properties)) {
            created = KafkaTopics.create(admin, specs, Optional.ofNullable(replicationFactor));
        } catch (IllegalStateException | KafkaException e) {
            return CommandErrors.report(spec, e);
        }
        List<String> existing = new ArrayList<>(specs.stream().map(KafkaTopics.TopicSpec::name).toList());
        existing.removeAll(created);
        out.printf("created %d topic(s) on %s%s%n", created.size(), bootstrapServers,
                created.isEmpty() ? "" : ": " + String.join(", ", created));
        if (!existing.isEmpty()) {
            out.println("already there: " + String.join(", ", existing));
        }
        out.flush();
        return 0;
    }
}
