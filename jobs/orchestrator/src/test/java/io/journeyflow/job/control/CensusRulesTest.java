package io.journeyflow.job.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CensusRulesTest {

    private static final JourneyRecord THREE_VERSIONS = new JourneyRecord("j", JourneyStatus.active, 3,
            Map.of("1", "one", "2", "two", "3", "three"), 100L);

    @Test
    void onlyTheCurrentVersionOfALiveJourneyIsOpen() {
        assertThat(CensusRules.closedVersions(THREE_VERSIONS)).containsExactly(1, 2);
        assertThat(CensusRules.closedVersions(withStatus(JourneyStatus.paused))).containsExactly(1, 2);
        assertThat(CensusRules.closedVersions(withStatus(JourneyStatus.retired))).containsExactly(1, 2, 3);
    }

    @Test
    void versionsEmptyAtDifferentAnswersGoEachInTurn() {
        CensusRules.Outcome first = CensusRules.apply(THREE_VERSIONS, null, answer(0, Map.of("1", 0L, "2", 4L)), 0);
        CensusRules.Outcome second = CensusRules.apply(THREE_VERSIONS, first.tally(),
                answer(1, Map.of("1", 0L, "2", 0L)), 0);

        assertThat(first.removed()).isEmpty();
        assertThat(first.tally().getEmptyIn()).containsEntry("1", List.of(0)).containsEntry("2", List.of());
        assertThat(second.removed()).containsExactly(1);
        assertThat(second.updated().getVersions()).containsOnlyKeys("2", "3");
        assertThat(second.tally().getEmptyIn()).containsOnly(Map.entry("2", List.of(1)));
        assertThat(second.journeyGone()).isFalse();
    }

    @Test
    void answersThatCannotBeTrustedDoNotCount() {
        assertThat(CensusRules.apply(null, null, answer(0, Map.of("1", 0L)), 0)).as("unknown journey").isNull();
        assertThat(CensusRules.apply(THREE_VERSIONS, null, answer(2, Map.of("1", 0L)), 0)).as("no such subtask")
                .isNull();
        assertThat(CensusRules.apply(THREE_VERSIONS, null, answer(0, Map.of("1", 0L)), 101))
                .as("asked before a restart").isNull();
        CensusReport older = new CensusReport("j", 99L, 0, 2, Map.of("1", 0L));
        assertThat(CensusRules.apply(THREE_VERSIONS, null, older, 0)).as("an older request").isNull();
    }

    private static JourneyRecord withStatus(JourneyStatus status) {
        return JourneyRecord.newBuilder(THREE_VERSIONS).setStatus(status).build();
    }

    private static CensusReport answer(int subtask, Map<String, Long> instances) {
        return new CensusReport("j", 100L, subtask, 2, instances);
    }
}
