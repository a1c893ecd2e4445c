package io.journeyflow.job;

import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.JobConfig.WatermarkMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Builds a {@link JobConfig} from another one; {@link #build()} checks the result. */
public final class JobConfigBuilder {

    private String bootstrapServers;
    private String eventsTopic;
    private String journeysTopic;
    private String actionTopicPrefix;
    private String journeyEventsTopic;
    private String deadLettersTopic;
    private String erasuresTopic;
    private String censusTopic;
    private Duration censusInterval;
    private Duration maxFutureSkew;
    private Path policies;
    private String deploymentsTopic;
    private String consumerGroup;
    private String transactionalIdPrefix;
    private Duration outOfOrderness;
    private Duration idleAdvance;
    private WatermarkMode watermarkMode;
    private DeliveryGuarantee deliveryGuarantee;
    private Duration transactionTimeout;
    private Path journeysDir;
    private Instant until;
    private int parallelism;
    private int maxParallelism;
    private Duration checkpointInterval;
    private StateBackendKind stateBackend;
    private String checkpointDir;
    private int customerCache;
    private int customerCacheChanged;

    JobConfigBuilder(JobConfig from) {
        bootstrapServers = from.bootstrapServers();
        eventsTopic = from.eventsTopic();
        journeysTopic = from.journeysTopic();
        actionTopicPrefix = from.actionTopicPrefix();
        journeyEventsTopic = from.journeyEventsTopic();
        deadLettersTopic = from.deadLettersTopic();
        erasuresTopic = from.erasuresTopic();
        censusTopic = from.censusTopic();
        censusInterval = from.censusInterval();
        maxFutureSkew = from.maxFutureSkew();
        policies = from.policies();
        deploymentsTopic = from.deploymentsTopic();
        consumerGroup = from.consumerGroup();
        transactionalIdPrefix = from.transactionalIdPrefix();
        outOfOrderness = from.outOfOrderness();
        idleAdvance = from.idleAdvance();
        watermarkMode = from.watermarkMode();
        deliveryGuarantee = from.deliveryGuarantee();
        transactionTimeout = from.transactionTimeout();
        journeysDir = from.journeysDir();
        until = from.until();
        parallelism = from.parallelism();
        maxParallelism = from.maxParallelism();
        checkpointInterval = from.checkpointInterval();
        stateBackend = from.stateBackend();
        checkpointDir = from.checkpointDir();
        customerCache = from.customerCache();
        customerCacheChanged = from.customerCacheChanged();
    }

    public JobConfigBuilder bootstrapServers(String value) {
        bootstrapServers = value;
        return this;
    }

    public JobConfigBuilder eventsTopic(String value) {
        eventsTopic = value;
        return this;
    }

    public JobConfigBuilder journeysTopic(String value) {
        journeysTopic = value;
        return this;
    }

    public JobConfigBuilder actionTopicPrefix(String value) {
        actionTopicPrefix = value;
        return this;
    }

    public JobConfigBuilder journeyEventsTopic(String value) {
        journeyEventsTopic = value;
        return this;
    }

    public JobConfigBuilder deadLettersTopic(String value) {
        deadLettersTopic = value;
        return this;
    }

    public JobConfigBuilder deploymentsTopic(String value) {
        deploymentsTopic = value;
        return this;
    }

    public JobConfigBuilder consumerGroup(String value) {
        consumerGroup = value;
        return this;
    }

    public JobConfigBuilder transactionalIdPrefix(String value) {
        transactionalIdPrefix = value;
        return this;
    }

    public JobConfigBuilder outOfOrderness(Duration value) {
        outOfOrderness = value;
        return this;
    }

    public JobConfigBuilder idleAdvance(Duration value) {
        idleAdvance = value;
        return this;
    }

    public JobConfigBuilder watermarkMode(WatermarkMode value) {
        watermarkMode = value;
        return this;
    }

    public JobConfigBuilder deliveryGuarantee(DeliveryGuarantee value) {
        deliveryGuarantee = value;
        return this;
    }

    public JobConfigBuilder transactionTimeout(Duration value) {
        transactionTimeout = value;
        return this;
    }

    public JobConfigBuilder erasuresTopic(String value) {
        erasuresTopic = value;
        return this;
    }

    public JobConfigBuilder censusTopic(String value) {
        censusTopic = value;
        return this;
    }

    public JobConfigBuilder censusInterval(Duration value) {
        censusInterval = value;
        return this;
    }

    public JobConfigBuilder maxFutureSkew(Duration value) {
        maxFutureSkew = value;
        return this;
    }

    public JobConfigBuilder policies(Path value) {
        policies = value;
        return this;
    }

    public JobConfigBuilder journeysDir(Path value) {
        journeysDir = value;
        return this;
    }

    public JobConfigBuilder until(Instant value) {
        until = value;
        return this;
    }

    public JobConfigBuilder parallelism(int value) {
        parallelism = value;
        return this;
    }

    public JobConfigBuilder maxParallelism(int value) {
        maxParallelism = value;
        return this;
    }

    public JobConfigBuilder checkpointInterval(Duration value) {
        checkpointInterval = value;
        return this;
    }

    public JobConfigBuilder stateBackend(StateBackendKind value) {
        stateBackend = value;
        return this;
    }

    public JobConfigBuilder checkpointDir(String value) {
        checkpointDir = value;
        return this;
    }

    public JobConfigBuilder customerCache(int value) {
        customerCache = value;
        return this;
    }

    public JobConfigBuilder customerCacheChanged(int value) {
        customerCacheChanged = value;
        return this;
    }

    public JobConfig build() {
        return new JobConfig(bootstrapServers, eventsTopic, journeysTopic, actionTopicPrefix, journeyEventsTopic,
                deadLettersTopic, deploymentsTopic, erasuresTopic, censusTopic, consumerGroup, transactionalIdPrefix,
                outOfOrderness, idleAdvance, maxFutureSkew, watermarkMode, deliveryGuarantee, transactionTimeout,
                journeysDir, policies, until,
                parallelism, maxParallelism,
                checkpointInterval, censusInterval, stateBackend, checkpointDir, customerCache,
                customerCacheChanged);
    }
}
