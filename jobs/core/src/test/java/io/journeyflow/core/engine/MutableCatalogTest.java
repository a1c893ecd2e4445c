package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MutableCatalogTest {

    private static CompiledJourney journey(String id, int version, String entryEvent) {
        return Journeys.compile("id: %s\nversion: %d\nentry: {event: %s}\nsteps: [{id: w, wait: 1h}]"
                .formatted(id, version, entryEvent));
    }

    @Test
    void indexesActiveJourneysByEntryEventInIdOrder() {
        MutableCatalog catalog = new MutableCatalog();
        catalog.deploy("zed", JourneyStatus.active, 1, Map.of(1, journey("zed", 1, "visit")));
        catalog.deploy("abc", JourneyStatus.active, 1, Map.of(1, journey("abc", 1, "visit")));
        catalog.deploy("paused", JourneyStatus.paused, 1, Map.of(1, journey("paused", 1, "visit")));
        catalog.deploy("buy", JourneyStatus.active, 1, Map.of(1, journey("buy", 1, "purchase")));

        assertThat(catalog.enteringOn("visit")).extracting(CompiledJourney::id).containsExactly("abc", "zed");
        assertThat(catalog.enteringOn("purchase")).extracting(CompiledJourney::id).containsExactly("buy");
        assertThat(catalog.enteringOn("nothing")).isEmpty();
        assertThat(catalog.current("paused")).isNotNull();
        assertThat(catalog.journeyIds()).containsExactly("abc", "buy", "paused", "zed");
    }

    @Test
    void keepsPinnedVersionsAndTheCurrentOne() {
        MutableCatalog catalog = new MutableCatalog();
        catalog.deploy("j", JourneyStatus.active, 2, Map.of(1, journey("j", 1, "a"), 2, journey("j", 2, "b")));

        assertThat(catalog.pinned("j", 1).version()).isEqualTo(1);
        assertThat(catalog.pinned("j", 2).version()).isEqualTo(2);
        assertThat(catalog.pinned("j", 3)).isNull();
        assertThat(catalog.current("j").version()).isEqualTo(2);
        assertThat(catalog.enteringOn("b")).extracting(CompiledJourney::version).containsExactly(2);
        assertThat(catalog.enteringOn("a")).isEmpty();
    }

    @Test
    void removeForgetsEverything() {
        MutableCatalog catalog = new MutableCatalog();
        catalog.deploy("j", JourneyStatus.active, 1, Map.of(1, journey("j", 1, "a")));

        catalog.remove("j");

        assertThat(catalog.current("j")).isNull();
        assertThat(catalog.pinned("j", 1)).isNull();
        assertThat(catalog.enteringOn("a")).isEmpty();
    }

    @Test
    void refusesInconsistentDeployments() {
        MutableCatalog catalog = new MutableCatalog();

        assertThatThrownBy(() -> catalog.deploy("j", JourneyStatus.active, 2, Map.of(1, journey("j", 1, "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current version 2");
        assertThatThrownBy(() -> catalog.deploy("j", JourneyStatus.active, 1, Map.of(1, journey("k", 1, "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds k v1");
    }
}
