package io.github.finetune4j.together.internal;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.together.TogetherAi;
import io.github.finetune4j.together.WeightDownload;
import io.github.finetune4j.together.WeightKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Downloads in small parts against the emulator: many {@code Range} requests, progress after each, and an
 * interrupted download continued from its {@code .part} file with the same checksum.
 */
class WeightFetcherTest {
    private static final int PART = 16 * 1024;

    @TempDir
    Path dir;

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500))
            .start();
    private FineTuneClient client;
    private JobId job;

    @BeforeEach
    void trainAJob() {
        client = io.github.finetune4j.together.TogetherTestClients.fast().provider(new SmallParts(emulator))
                .build();
        JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> client.start(FineTuneRequest
                .builder().baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
                .trainingData(io.github.finetune4j.together.TogetherTestClients.t1000())
                .hyperparameters(io.github.finetune4j.core.model.Hyperparameters.builder().epochs(2).build())
                .providerOptions(io.github.finetune4j.together.TogetherTraining.builder().checkpoints(2).build())
                .build())
                .awaitCompletion());
        job = done.id();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aDownloadInManyPartsReportsProgressAfterEachAndMatchesTheArchive() {
        List<Long> progress = new ArrayList<>();

        WeightDownload merged = client.extension(TogetherAi.class).downloadWeights(job, WeightKind.MERGED,
                dir.resolve("merged.tar.gz"), (written, total) -> progress.add(written));

        assertThat(merged.sha256()).isEqualTo(emulator.together().artifactSha256(job.value(), "merged"));
        assertThat(progress).hasSizeGreaterThan(2).isSorted();
        assertThat(progress.get(0)).isEqualTo(PART);
        assertThat(emulator.recordedRequests().stream().filter(r -> r.path().endsWith("/finetune/download")).count())
                .isEqualTo(progress.size());
    }

    @Test
    void anInterruptedDownloadIsContinuedFromItsPartFile() throws Exception {
        Path whole = dir.resolve("first.tar.gz");
        byte[] archive = Files.readAllBytes(client.extension(TogetherAi.class).downloadWeights(job,
                WeightKind.ADAPTER, whole, (w, t) -> { }).path());
        Path target = dir.resolve("adapter.tar.gz");
        Files.write(dir.resolve("adapter.tar.gz.part"), Arrays.copyOf(archive, PART + 17));
        List<Long> progress = new ArrayList<>();

        WeightDownload resumed = client.extension(TogetherAi.class).downloadWeights(job, WeightKind.ADAPTER, target,
                (written, total) -> progress.add(written));

        assertThat(progress.get(0)).isEqualTo(2L * PART + 17);
        assertThat(Files.readAllBytes(target)).isEqualTo(archive);
        assertThat(resumed.sha256()).isEqualTo(emulator.together().artifactSha256(job.value(), "adapter"));
    }

    @Test
    void aPartFileThatAlreadyHoldsEverythingIsFinishedWithoutDownloading() throws Exception {
        byte[] archive = Files.readAllBytes(client.extension(TogetherAi.class).downloadWeights(job,
                WeightKind.ADAPTER, dir.resolve("first.tar.gz"), (w, t) -> { }).path());
        Files.write(dir.resolve("again.tar.gz.part"), archive);

        WeightDownload finished = client.extension(TogetherAi.class).downloadWeights(job, WeightKind.ADAPTER,
                dir.resolve("again.tar.gz"), (w, t) -> { });

        assertThat(Files.readAllBytes(finished.path())).isEqualTo(archive);
        assertThat(finished.sha256()).isEqualTo(emulator.together().artifactSha256(job.value(), "adapter"));
    }

    @Test
    void anIntermediateCheckpointIsDownloadedByItsStep() {
        long step = client.attach(job).checkpoints().stream().filter(c -> c.modelName().startsWith("ft-"))
                .findFirst().orElseThrow().stepNumber();

        WeightDownload checkpoint = client.extension(TogetherAi.class).downloadCheckpoint(job, step,
                dir.resolve("step.tar.gz"), (w, t) -> { });

        assertThat(checkpoint.bytes()).isPositive();
        assertThat(emulator.recordedRequests()).anySatisfy(r -> assertThat(r.query())
                .contains("checkpoint_step=" + step));
    }

    /** The provider with {@value #PART}-byte download parts. */
    private static final class SmallParts implements FineTuneProviderFactory {
        private final FineTuningEmulator emulator;

        SmallParts(FineTuningEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public String id() {
            return "together";
        }

        @Override
        public boolean isConfigured(EnvironmentLookup environment) {
            return true;
        }

        @Override
        public FineTuneProvider create(ProviderContext context) {
            return new TogetherProvider(new TogetherConfig(ApiKey.of(emulator.apiKey()),
                    URI.create(emulator.togetherBaseUrl())), context, PART);
        }
    }
}
