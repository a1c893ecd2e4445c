package io.journeyflow.bench.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunTableTest {

    @Test
    void eachJobIsJudgedByItsBestRunAgainstThePassThroughsBest() {
        String table = RunTable.markdown(List.of(
                new JobRun(BenchedJob.PASS_THROUGH, 1000, 10, 20),
                new JobRun(BenchedJob.FULL_HASHMAP, 1000, 40, 40),
                new JobRun(BenchedJob.PASS_THROUGH, 1000, 2, 4),
                new JobRun(BenchedJob.FULL_HASHMAP, 1000, 3.5, 10),
                new JobRun(BenchedJob.FULL_ROCKSDB, 1000, 20, 25)));

        assertThat(table).contains("| full-hashmap | 1,000 | 3.5 | 286 | 57% | 10.0 | 100 | 40% |");
        assertThat(table).contains("- full-hashmap (best run) 57% of the best pass-through (by CPU time 40%), "
                + "target 50%: met");
        assertThat(table).contains("- full-rocksdb (best run) 10% of the best pass-through (by CPU time 16%), "
                + "target 35%: target missed");
    }

    @Test
    void theFasterPassThroughIsTheLimitWithOrWithoutTheKeyBy() {
        String table = RunTable.markdown(List.of(
                new JobRun(BenchedJob.PASS_THROUGH, 1000, 4, 8),
                new JobRun(BenchedJob.PASS_THROUGH_KEYED, 1000, 2, 10),
                new JobRun(BenchedJob.FULL_HASHMAP, 1000, 5, 20)));

        assertThat(table).contains("- full-hashmap (best run) 40% of the best pass-through (by CPU time 40%), "
                + "target 50%: target missed");
    }

    @Test
    void withoutAPassThroughRunThereAreNoShares() {
        String table = RunTable.markdown(List.of(new JobRun(BenchedJob.FULL_HASHMAP, 1000, 4, 8)));

        assertThat(table).contains("| full-hashmap | 1,000 | 4.0 | 250 | - | 8.0 | 125 | - |")
                .contains("no pass-through run").doesNotContain("target");
    }
}
