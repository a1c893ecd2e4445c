package io.journeyflow.local;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfig.WatermarkMode;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.local.demo.DemoInputs;
import io.journeyflow.local.demo.OutputWatcher;
import io.journeyflow.local.simulate.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The embedded demo: a real Kafka broker and the real job on a local MiniCluster, in this JVM. It deploys the sample
 * journeys (and one broken one) through the control topic, sends some garbage and a few hundred customers' generated
 * history ending now, prints every action as downstream senders would see it, and stops once all is quiet.
 */
public final class Demo {

    private static final int CUSTOMERS = 300;
    private static final String SAMPLE_POLICY = "/policies/contact-policy.yaml";
    private static final Duration HISTORY = Duration.ofDays(90);
    /** Longer than idle advance + checkpoint interval: after that, quiet means done, not "about to commit". */
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    private Demo() {}

    public static void main(String[] args) throws Exception {
        run(System.out);
        System.out.println("demo finished");
    }

    /**
     * Runs the whole demo, printing to {@code console}; returns the summary of everything the job published.
     * Throws if the job fails or does not answer the deployments.
     */
    // EmbeddedKafka.close() may throw InterruptedException; there is nothing left to interrupt by then.
    @SuppressWarnings("try")
    public static RunSummary run(PrintStream console) throws Exception {
        RunSummary summary;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            JobConfig config = JobConfig.builder()
                    .bootstrapServers(kafka.bootstrapServers())
                    .watermarkMode(WatermarkMode.LIVE)
                    .idleAdvance(Duration.ofSeconds(3))
                    .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                    .transactionTimeout(Duration.ofMinutes(5))
                    .checkpointInterval(Duration.ofSeconds(2))
                    .parallelism(2)
                    .policies(samplePolicy())
                    .build();
            kafka.createJourneyflowTopics(2, config.journeysTopic(), config.plainTopics());
            console.printf("kafka on %s; starting the job (parallelism %d)%n", kafka.bootstrapServers(),
                    config.parallelism());
            JobClient job = start(config);
            try (OutputWatcher watcher = new OutputWatcher(config, console);
                 DemoInputs inputs = new DemoInputs(config)) {
                int documents = inputs.deployJourneys();
                if (!watcher.pollUntil(() -> watcher.deploymentAnswers() >= documents || ended(job), DEPLOY_TIMEOUT)
                        || ended(job)) {
                    throw new IllegalStateException("the job did not answer the journey deployments within "
                            + DEPLOY_TIMEOUT + "; job status " + job.getJobStatus().get());
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                console.printf("sending garbage and %d customers' events from %s to %s%n", CUSTOMERS,
                        now.minus(HISTORY), now);
                inputs.sendGarbage();
                inputs.sendEvents(CUSTOMERS, now, HISTORY);
                boolean quiet = watcher.pollUntil(() -> watcher.quietFor(QUIET) || ended(job), RUN_TIMEOUT);
                summary = watcher.summary(inputs.stats());
                console.println();
                console.print(summary.toText());
                if (!quiet) {
                    console.println("(stopped after " + RUN_TIMEOUT + " although outputs were still arriving)");
                }
            } finally {
                if (!ended(job)) {
                    job.cancel().get();
                }
            }
        }
        return summary;
    }

    /** The shipped sample policy, copied out of the jar: the job reads policies from a file. */
    private static Path samplePolicy() throws IOException {
        Path file = Files.createTempFile("journeyflow-contact-policy", ".yaml");
        file.toFile().deleteOnExit();
        try (InputStream policy = Demo.class.getResourceAsStream(SAMPLE_POLICY)) {
            Files.copy(policy, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** A job that ends on its own has failed (its sources never end); its result carries the cause. */
    private static boolean ended(JobClient job) {
        if (!job.getJobExecutionResult().isDone()) {
            return false;
        }
        job.getJobExecutionResult().join();
        return true;
    }

    private static JobClient start(JobConfig config) throws Exception {
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flink);
        JourneyflowJob.defineWorkflow(env, config, KafkaEnds.sources(config), KafkaEnds.sinks(config));
        return env.executeAsync("journeyflow demo");
    }
}
