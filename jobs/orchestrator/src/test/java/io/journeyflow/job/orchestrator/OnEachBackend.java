package io.journeyflow.job.orchestrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test run on the heap backend and on RocksDB (its one parameter): the job runs on either. RocksDB runs twice, with
 * the orchestrator's customer cache large and with it at one customer ({@link OrchestratorHarness#open}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ValueSource(strings = {"hashmap", "rocksdb", "rocksdb-evicting"})
@interface OnEachBackend {
}
