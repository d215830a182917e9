package io.github.finetune4j.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.ProviderEstimate;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static io.github.finetune4j.together.TogetherTestClients.CLEANING_ANSWER;
import static io.github.finetune4j.together.TogetherTestClients.LLAMA;
import static io.github.finetune4j.together.TogetherTestClients.QWEN;
import static io.github.finetune4j.together.TogetherTestClients.SYSTEM_PROMPT;
import static io.github.finetune4j.together.TogetherTestClients.t1000;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The provider against the emulator's Together dialect: the whole job life and what only Together has. */
class TogetherProviderTest {
    private static final String HUB_TOKEN = "hf_test_token_0123456789abcdefXYZ";
    private static final Duration BUDGET = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500))
            .start();
    private final TogetherTestClients.Recorder recorder = new TogetherTestClients.Recorder();
    private final FineTuneClient client = TogetherTestClients.recording(emulator, recorder);
    private final Events events = new Events();

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private static FineTuneRequest.Builder llama() {
        return FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000()).suffix("t1000")
                .hyperparameters(Hyperparameters.builder().epochs(2).build());
    }

    private JobSnapshot await(FineTuneJob job) {
        return assertTimeoutPreemptively(BUDGET, () -> job.awaitCompletion());
    }

    private JsonNode body(HttpCall call) throws Exception {
        return new ObjectMapper().readTree(call.body().bytes().orElseThrow());
    }

    private HttpCall call(String method, String pathEnd) {
        return recorder.transport().calls().stream()
                .filter(c -> c.method().equals(method) && c.uri().getPath().endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " ..." + pathEnd + " in "
                        + recorder.transport().calls()));
    }

    @Test
    void startSendsTogethersJobFieldsAndKeepsTheHubTokenASecret() throws Exception {
        FineTuneJob job = client.start(llama().validationData(t1000()).seed(42)
                .hyperparameters(Hyperparameters.builder().epochs(2).batchSize(8).build())
                .providerOptions(TogetherTraining.builder().lora(8, 16).checkpoints(2).evaluations(1)
                        .learningRate(1e-4).cosineScheduler(0.1, 0.5).warmupRatio(0.05)
                        .pushToHub("acme/t1000-llama-lora", ApiKey.of(HUB_TOKEN)).build())
                .build());

        HttpCall create = call("POST", "/fine-tunes");
        JsonNode sent = body(create);
        assertThat(sent.get("model").asText()).isEqualTo(LLAMA);
        assertThat(sent.get("n_epochs").asInt()).isEqualTo(2);
        assertThat(sent.get("batch_size").asInt()).isEqualTo(8);
        assertThat(sent.get("n_checkpoints").asInt()).isEqualTo(2);
        assertThat(sent.get("n_evals").asInt()).isEqualTo(1);
        assertThat(sent.get("random_seed").asInt()).isEqualTo(42);
        assertThat(sent.get("training_type").toString())
                .isEqualTo("{\"type\":\"Lora\",\"lora_r\":8,\"lora_alpha\":16}");
        assertThat(sent.get("lr_scheduler").get("lr_scheduler_type").asText()).isEqualTo("cosine");
        assertThat(sent.get("hf_output_repo_name").asText()).isEqualTo("acme/t1000-llama-lora");
        assertThat(sent.has("metadata")).as("Together stores no metadata").isFalse();
        assertThat(create.secrets()).contains(HUB_TOKEN);
        assertThat(create.toString()).doesNotContain(HUB_TOKEN);
        JobSnapshot created = job.latest();
        assertThat(created.provider()).isEqualTo("together");
        assertThat(created.suffix()).contains("t1000");
        assertThat(created.seed()).contains(42L);
        assertThat(created.validationFile()).isPresent();
        assertThat(created.status()).isIn(JobStatus.VALIDATING_FILES, JobStatus.QUEUED);
        assertThat(client.listJobs(io.github.finetune4j.core.model.PageRequest.first()).stream())
                .singleElement().satisfies(j -> assertThat(j.id()).isEqualTo(job.id()));
    }

    @Test
    void uploadsWithPurposeFileNameAndTypeAndWaitsForTheServicesFileCheck() {
        FineTuneJob job = client.start(llama().build(), events);

        HttpCall upload = call("POST", "/files/upload");
        assertThat(upload.body().form()).isPresent();
        assertThat(events.processed).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(io.github.finetune4j.core.model.FileStatus.PROCESSED);
            assertThat(f.filename()).matches("t1000-kundenservice-[0-9a-f]{12}\\.jsonl");
            assertThat(f.purpose()).isEqualTo("fine-tune");
        });
        assertThat(emulator.together().fileIds()).hasSize(1);
        assertThat(job.latest().trainingFile().value()).isEqualTo(emulator.together().fileIds().get(0));
    }

    @Test
    void startReportsWhatThePreflightCountedWithAndTogethersOwnEstimate() {
        client.start(llama().build(), events);

        assertThat(events.report.tokens().tokenizer()).isEqualTo("cl100k_base");
        assertThat(events.report.tokens().exact()).isFalse();
        assertThat(events.report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
        assertThat(events.report.count("approximate_token_counts")).isEqualTo(1);
        assertThat(events.estimates).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("together");
            assertThat(e.totalPriceUsd()).hasValueSatisfying(p -> assertThat(p.signum()).isPositive());
            assertThat(e.allowedToProceed()).contains(true);
            assertThat(e.trainTokens()).hasValueSatisfying(t -> assertThat(t).isPositive());
            assertThat(e.creditLimitUsd()).hasValueSatisfying(l -> assertThat(l.intValue()).isEqualTo(100));
        });
    }

    @Test
    void jobRunsToCompletionWithEventsCheckpointsAndMetricsAndAnswersServerless() {
        FineTuneJob job = client.start(llama().providerOptions(TogetherTraining.builder().checkpoints(2).build())
                .build());

        JobSnapshot done = assertTimeoutPreemptively(BUDGET, () -> job.awaitCompletion(
                io.github.finetune4j.core.WaitOptions.builder().fixedInterval(Duration.ofMillis(10))
                        .listener(events).build()));

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.rawStatus()).isEqualTo("completed");
        assertThat(done.fineTunedModel()).hasValueSatisfying(m -> assertThat(m)
                .contains("/Meta-Llama-3.1-8B-Instruct-Reference-t1000-"));
        assertThat(done.finishedAt()).isPresent();
        assertThat(events.statuses).last().isEqualTo("completed");
        assertThat(events.events).extracting(JobEvent::message).contains("Training started", "Training completed");
        assertThat(events.events.get(0).createdAt()).isBeforeOrEqualTo(events.events.get(events.events.size() - 1)
                .createdAt());
        List<Checkpoint> checkpoints = job.checkpoints().stream().toList();
        assertThat(checkpoints).extracting(Checkpoint::id).anySatisfy(id -> assertThat(id).endsWith("(Final Adapter)"))
                .anySatisfy(id -> assertThat(id).contains(":"));
        TrainingHistory metrics = client.extension(TogetherAi.class).metrics(done.id());
        assertThat(metrics.trainLoss()).isNotEmpty();
        assertThat(metrics.series("train_learning_rate")).hasSameSizeAs(metrics.trainLoss());
        String answer = client.model(done).withSystemPrompt(SYSTEM_PROMPT)
                .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
        assertThat(answer).isEqualTo(CLEANING_ANSWER);
    }

    @Test
    void aFineTuneWithoutServerlessLoraNamesTheDedicatedEndpointStep() {
        JobSnapshot done = await(client.start(FineTuneRequest.builder().baseModel(QWEN).trainingData(t1000())
                .suffix("qwen").build()));

        Throwable thrown = catchThrowable(() -> client.model(done).chat("Geht Pril?"));

        assertThat(thrown).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("dedicated endpoint").hasMessageContaining("POST /endpoints")
                .hasMessageContaining(done.fineTunedModel().orElseThrow());
        assertThat(((BadRequestException) thrown).errorCode()).contains("model_not_available");
    }

    @Test
    void aFailingJobCarriesTheReasonOfItsErrorEvent() {
        emulator.faults().failNextJob(3, "server_error", "The job failed due to an internal error.");
        FineTuneJob job = client.start(llama().build());

        Throwable thrown = catchThrowable(() -> await(job));

        assertThat(thrown).isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.snapshot().status()).isEqualTo(JobStatus.FAILED);
            assertThat(e.snapshot().rawStatus()).isEqualTo("error");
            assertThat(e.error()).hasValueSatisfying(err -> {
                assertThat(err.code()).contains("job_error");
                assertThat(err.message()).contains("internal error");
            });
        });
    }

    @Test
    void aCancelledJobEndsCancelled() {
        FineTuneJob job = client.start(llama().build());

        job.cancel();
        Throwable thrown = catchThrowable(() -> await(job));

        assertThat(thrown).isInstanceOfSatisfying(JobCancelledException.class, e ->
                assertThat(e.snapshot().status()).isEqualTo(JobStatus.CANCELLED));
        assertThat(call("POST", "/cancel").retryMode()).isEqualTo(io.github.finetune4j.core.spi.RetryMode.IDEMPOTENT);
    }

    @Test
    void aJobAboveTheCreditLimitIsEstimatedAsNotAllowedAndRefusedWith402() {
        emulator.together().creditLimit(0.000001);

        Throwable thrown = catchThrowable(() -> client.start(llama().build(), events));

        assertThat(events.estimates).singleElement().satisfies(e -> {
            assertThat(e.allowedToProceed()).contains(false);
            assertThat(e.toText()).contains("ABOVE the credit limit");
        });
        assertThat(thrown).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(402);
            assertThat(e.errorCode()).contains("insufficient_credits");
            assertThat(e.getMessage()).contains("credit limit");
        });
        assertThat(emulator.together().jobIds()).isEmpty();
        assertThat(emulator.together().fileIds()).as("a start that failed for good leaves no file").isEmpty();
    }

    @Test
    void together_sRulesRefuseARequestBeforeAnythingIsUploaded() {
        assertThatThrownBy(() -> client.start(llama().hyperparameters(Hyperparameters.builder()
                .learningRateMultiplier(0.1).build()).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute learning rate");
        assertThatThrownBy(() -> client.start(llama().providerOptions(TogetherTraining.builder().evaluations(2)
                .build()).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs validation data");
        assertThatThrownBy(() -> client.start(llama().providerOptions(TogetherTraining.builder().checkpoints(3)
                .build()).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the 2 epoch(s)");
        assertThat(emulator.together().fileIds()).isEmpty();
    }

    @Test
    void downloadedAdapterIsTheServicesArchiveByteForByte() throws Exception {
        JobSnapshot done = await(client.start(llama().build()));
        Path target = dir.resolve("adapter.tar.gz");
        List<Long> progress = new ArrayList<>();
        List<OptionalLong> totals = new ArrayList<>();

        WeightDownload download = client.extension(TogetherAi.class).downloadWeights(done.id(), WeightKind.ADAPTER,
                target, (written, total) -> {
                    progress.add(written);
                    totals.add(total);
                });

        assertThat(download.sha256()).isEqualTo(emulator.together().artifactSha256(done.id().value(), "adapter"));
        assertThat(download.bytes()).isEqualTo(Files.size(target)).isEqualTo(progress.get(progress.size() - 1));
        assertThat(totals.get(totals.size() - 1)).hasValue(download.bytes());
        assertThat(download.contentType()).contains("x-tar");
        assertThat(dir.resolve("adapter.tar.gz.part")).doesNotExist();
        assertThat(call("GET", "/finetune/download").headers()).containsKey("Range");
    }

    @Test
    void anEstimateForUploadedFilesAndTheTunableModelsComeFromTheExtension() {
        FineTuneJob job = client.start(llama().build());
        TogetherAi together = client.extension(TogetherAi.class);

        ProviderEstimate estimate = together.estimatePrice(FineTuneRequest.builder().baseModel(LLAMA)
                .trainingFile(job.latest().trainingFile()).hyperparameters(Hyperparameters.builder().epochs(4)
                        .build()).build());

        assertThat(estimate.trainTokens()).hasValueSatisfying(t -> assertThat(t).isPositive());
        assertThat(together.supportedModels()).contains(LLAMA, QWEN);
        assertThatThrownBy(() -> together.estimatePrice(llama().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uploaded files");
    }

    @Test
    void aDeletedJobIsGone() {
        JobSnapshot done = await(client.start(llama().build()));

        assertThat(client.extension(TogetherAi.class).deleteJob(done.id())).isTrue();

        assertThat(emulator.together().jobIds()).isEmpty();
    }

    @Test
    void whatTogetherLacksIsExplained() {
        FineTuneJob job = client.start(llama().build());

        assertThatThrownBy(job::pause).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("fromCheckpoint");
        assertThatThrownBy(() -> client.listModels()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("supportedModels()");
    }

    /** Records what start and await report. */
    private static final class Events implements JobListener {
        ValidationReport report;
        final List<ProviderEstimate> estimates = new ArrayList<>();
        final List<io.github.finetune4j.core.model.FileInfo> processed = new ArrayList<>();
        final List<JobEvent> events = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();

        @Override
        public void onPreflight(ValidationReport r) {
            report = r;
        }

        @Override
        public void onProviderEstimate(ProviderEstimate estimate) {
            estimates.add(estimate);
        }

        @Override
        public void onFileProcessed(io.github.finetune4j.core.model.FileInfo file) {
            processed.add(file);
        }

        @Override
        public void onEvent(JobEvent event) {
            events.add(event);
        }

        @Override
        public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
            statuses.add(current.rawStatus());
        }
    }
}
