package io.github.finetune4j.migrate;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.migrate.internal.GoldenStore;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migration folder's manifest and golden store: atomic, locked, and readable after a crash. */
class ManifestStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void savedStateIsReadBackByTheNextProcess() {
        try (ManifestStore store = ManifestStore.open(folder, CLOCK)) {
            ModelState m = new ModelState();
            m.sourceJob = "ftjob-1";
            m.fineTunedModel = "ft:gpt-4o-mini-2024-07-18:acme:support:abc";
            store.state().models.add(m);
            store.save();
        }

        try (ManifestStore store = ManifestStore.open(folder, CLOCK)) {
            assertThat(store.state().model("ftjob-1").orElseThrow().fineTunedModel)
                    .isEqualTo("ft:gpt-4o-mini-2024-07-18:acme:support:abc");
            assertThat(store.state().updatedAt).isEqualTo("2026-12-06T12:00:00Z");
        }
    }

    @Test
    void savingLeavesNoTemporaryFileBehind() throws IOException {
        try (ManifestStore store = ManifestStore.open(folder, CLOCK)) {
            store.save();
            store.save();
        }

        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("manifest.json", ".lock");
        }
    }

    @Test
    void aSecondMigrationInTheSameFolderIsRefusedWhileTheFirstRuns() {
        try (ManifestStore first = ManifestStore.open(folder, CLOCK)) {
            assertThatThrownBy(() -> ManifestStore.open(folder, CLOCK))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another migration runs in " + folder);
        }
        ManifestStore.open(folder, CLOCK).close();
    }

    @Test
    void aManifestOfANewerFormatIsRefused() throws IOException {
        Files.writeString(folder.resolve("manifest.json"), "{\"format\": 99, \"models\": []}");

        assertThatThrownBy(() -> ManifestStore.open(folder, CLOCK)).isInstanceOf(FineTuneException.class)
                .hasMessageContaining("format 99");
    }

    @Test
    void goldenAnswersSurviveALastLineCutShortByACrash() throws IOException {
        Path file = folder.resolve("golden.jsonl");
        try (GoldenStore store = GoldenStore.open(file)) {
            store.append(new GoldenStore.Row("val-0001", 0, "Es könnte ein verstopfter Filter sein.", "ft:x",
                    "online", "2026-12-06T12:00:00Z"));
        }
        Files.writeString(file, "{\"id\":\"val-0002\",\"index\":1,\"ans", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (GoldenStore store = GoldenStore.open(file)) {
            assertThat(store.rows()).containsOnlyKeys("val-0001");
            store.append(new GoldenStore.Row("val-0002", 1, "Zwei Jahre.", "ft:x", "online", "2026-12-06T12:01:00Z"));
            store.finish();
        }
        assertThat(GoldenStore.read(file)).containsOnlyKeys("val-0001", "val-0002");
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
