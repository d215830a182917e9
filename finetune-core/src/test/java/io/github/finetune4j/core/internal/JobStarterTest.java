package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.internal.poll.RecordingSleeper;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.finetune4j.core.internal.ScriptedProvider.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStarterTest {
    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final DefaultFineTuneClient client = new DefaultFineTuneClient(provider,
            new ClientConfig(EnvironmentLookup.empty(), RetryPolicy.none(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofMinutes(5), WaitOptions.defaults(), sleeper.clock(), false, Duration.ofDays(90)),
            null, sleeper, () -> 0.5, () -> "key-1");

    static Dataset t1000(int examples) {
        Dataset.Builder builder = Dataset.builder().name("t1000")
                .systemPrompt("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.");
        for (int i = 0; i < examples; i++) {
            builder.example("Frage " + i + "?", "Antwort " + i + ".");
        }
        return builder.build();
    }

    private static FineTuneRequest request(Dataset data) {
        return FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18").trainingData(data).suffix("t1000")
                .hyperparameters(Hyperparameters.builder().epochs(3).build()).putMetadata("team", "support").build();
    }

    @Test
    void startUploadsDatasetAsJsonlThenCreatesJobWithIdempotencyKeyInMetadata() {
        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(job.latest().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(provider.uploads).singleElement().satisfies(u -> {
            assertThat(u.filename()).isEqualTo("t1000.jsonl");
            assertThat(u.purpose()).isEqualTo("fine-tune");
        });
        assertThat(provider.uploadedContents.get(0).lines()).hasSize(10)
                .allSatisfy(line -> assertThat(line).startsWith("{\"messages\":[{\"role\":\"system\""));
        assertThat(provider.creations).singleElement().satisfies(c -> {
            assertThat(c.metadata()).containsEntry("finetune4j_idempotency_key", "key-1").containsEntry("team", "support");
            assertThat(c.trainingFile().value()).isEqualTo("file-1");
            assertThat(c.suffix()).contains("t1000");
        });
        assertThat(Files.exists(provider.uploads.get(0).path())).as("temporary file removed").isFalse();
    }

    @Test
    void ambiguousCreateFailureFindsTheJobInsteadOfCreatingASecond() {
        JobSnapshot created = job(JobStatus.QUEUED).toBuilder().metadata(Map.of("finetune4j_idempotency_key", "key-1")).build();
        provider.createAnswers.add(() -> {
            provider.listedJobs.add(created);   // the server did create it before the connection broke
            throw new TransportException("timed out", new IOException("timeout"), "scripted", true);
        });

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(job.id()).isEqualTo(created.id());
        assertThat(provider.creations).hasSize(1);
        assertThat(provider.listJobRequests).singleElement()
                .satisfies(r -> assertThat(r.metadata()).containsEntry("finetune4j_idempotency_key", "key-1"));
    }

    @Test
    void providerWithoutMetadataFindsTheAmbiguouslyCreatedJobByItsFiles() {
        provider.capabilities = io.github.finetune4j.core.spi.ProviderCapabilities.builder(
                io.github.finetune4j.core.preflight.PriceTable.openAi()).build();
        JobSnapshot someoneElses = job(JobStatus.RUNNING).toBuilder().id(io.github.finetune4j.core.model.JobId.of("ftjob-old"))
                .trainingFile(io.github.finetune4j.core.model.FileId.of("file-other")).createdAt(sleeper.clock().instant()).build();
        JobSnapshot ours = job(JobStatus.QUEUED).toBuilder().id(io.github.finetune4j.core.model.JobId.of("ftjob-ours"))
                .trainingFile(io.github.finetune4j.core.model.FileId.of("file-1")).suffix("t1000")
                .createdAt(sleeper.clock().instant()).build();
        provider.createAnswers.add(() -> {
            provider.listedJobs.add(someoneElses);
            provider.listedJobs.add(ours);
            throw new TransportException("reset", new IOException("reset"), "scripted", true);
        });

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(job.id().value()).isEqualTo("ftjob-ours");
        assertThat(provider.creations).hasSize(1);
    }

    @Test
    void providerWithoutMetadataIgnoresOlderJobsOnTheSameFile() {
        provider.capabilities = io.github.finetune4j.core.spi.ProviderCapabilities.builder(
                io.github.finetune4j.core.preflight.PriceTable.openAi()).build();
        JobSnapshot old = job(JobStatus.SUCCEEDED).toBuilder().trainingFile(io.github.finetune4j.core.model.FileId.of("file-1"))
                .createdAt(sleeper.clock().instant().minus(Duration.ofHours(2))).build();
        provider.listedJobs.add(old);
        provider.createAnswers.add(() -> {
            throw new TransportException("reset", new IOException("reset"), "scripted", true);
        });

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(2);
    }

    @Test
    void ambiguousCreateFailureWithoutJobRetriesWithTheSameKey() {
        provider.createAnswers.add(() -> {
            throw new ServerException(new ApiErrorDetails("scripted", 502, null, null, null, "bad gateway", null, null));
        });

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(2)
                .allSatisfy(c -> assertThat(c.idempotencyKey()).isEqualTo("key-1"));
    }

    @Test
    void createThatNeverReachedTheServerIsNotLookedUp() {
        provider.createAnswers.add(() -> {
            throw new TransportException("refused", new IOException("refused"), "scripted", false);
        });

        assertThatThrownBy(() -> client.start(request(t1000(10)))).isInstanceOf(TransportException.class);
        assertThat(provider.listJobRequests).isEmpty();
    }

    @Test
    void datasetErrorsAbortBeforeAnythingIsUploaded() {
        assertThatThrownBy(() -> client.start(request(t1000(3))))
                .isInstanceOfSatisfying(DatasetValidationException.class,
                        e -> assertThat(e.issues()).extracting(i -> i.code()).contains("too_few_examples"));
        assertThat(provider.uploads).isEmpty();
        assertThat(provider.creations).isEmpty();
    }

    @Test
    void modelThatCannotBeFineTunedIsRefusedBeforeAnyUpload() {
        provider.models.put("gpt-4o-mini-2024-07-18",
                io.github.finetune4j.core.model.ModelInfo.of("gpt-4o-mini-2024-07-18").withFineTunable(false));

        assertThatThrownBy(() -> client.start(request(t1000(10))))
                .isInstanceOf(io.github.finetune4j.core.error.ModelUnavailableException.class);
        assertThat(provider.uploads).isEmpty();
    }

    @Test
    void preflightReportWithCostEstimateReachesTheListenerBeforeUpload() {
        List<io.github.finetune4j.core.preflight.ValidationReport> reports = new ArrayList<>();
        client.start(request(t1000(10)), new JobListener() {
            @Override
            public void onPreflight(io.github.finetune4j.core.preflight.ValidationReport report) {
                assertThat(provider.uploads).isEmpty();
                reports.add(report);
            }
        });

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.examples()).isEqualTo(10);
            assertThat(r.toText()).contains("epochs 3 (fixed)").contains("trained tokens 1,440");
        });
    }

    @Test
    void providerDeclaredPriceTableAndLimitsAreWhatThePreflightUses() {
        // A third provider, priced and limited by its own table: nothing in the core knows its id.
        provider.capabilities = io.github.finetune4j.core.spi.ProviderCapabilities.builder(
                io.github.finetune4j.core.preflight.PriceTable.builder().provider("acme").version("acme-2026-12")
                        .readOn(java.time.LocalDate.of(2026, 12, 6)).source("test")
                        .maxFileBytes(1_000_000).maxUploadBytes(1_000_000)
                        .putModel(io.github.finetune4j.core.preflight.ModelLimits.builder().model("acme-llm")
                                .encoding(io.github.finetune4j.core.preflight.TokenEncoding.O200K_BASE)
                                .maxTokensPerExample(40).trainingPricePerMillionTokens(new java.math.BigDecimal("1000"))
                                .build())
                        .build()).build();
        List<io.github.finetune4j.core.preflight.ValidationReport> reports = new ArrayList<>();
        FineTuneRequest acme = request(t1000(10)).toBuilder().baseModel("acme-llm").build();

        client.start(acme, new JobListener() {
            @Override
            public void onPreflight(io.github.finetune4j.core.preflight.ValidationReport report) {
                reports.add(report);
            }
        });

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.cost()).satisfies(c -> {
                assertThat(c.priceTableVersion()).isEqualTo("acme-2026-12");
                assertThat(c.maxTokensPerExample()).contains(40);
                assertThat(c.pricePerMillionTokens()).hasValueSatisfying(p ->
                        assertThat(p).isEqualByComparingTo("1000"));
            });
        });
    }

    @Test
    void smallValidationSetIsNotHeldToTheTrainingMinimum() {
        FineTuneRequest request = request(t1000(10)).toBuilder().validationData(t1000(3)).build();

        client.start(request);

        assertThat(provider.uploads).hasSize(2);
    }

    @Test
    void listenerSeesUploadProcessingAndCreation() {
        List<String> steps = new ArrayList<>();
        client.start(request(t1000(10)), new JobListener() {
            @Override
            public void onFileUploaded(FileInfo file) {
                steps.add("uploaded " + file.id());
            }

            @Override
            public void onFileProcessed(FileInfo file) {
                steps.add("processed " + file.id());
            }

            @Override
            public void onJobCreated(JobSnapshot job) {
                steps.add("created " + job.id());
            }
        });

        assertThat(steps).containsExactly("uploaded file-1", "processed file-1", "created ftjob-1");
    }

    @Test
    void attachReadsTheJobAndAwaitsIt() {
        provider.getJobAnswers.add(() -> job(JobStatus.RUNNING));
        provider.getJobAnswers.add(() -> job(JobStatus.SUCCEEDED).toBuilder().fineTunedModel("ft:m").build());

        FineTuneJob job = client.attach(io.github.finetune4j.core.model.JobId.of("ftjob-1"));
        JobSnapshot done = job.awaitCompletion(WaitOptions.defaults());

        assertThat(done.fineTunedModel()).contains("ft:m");
        assertThat(client.model(done).withSystemPrompt("sys").chat("Hallo?")).isEqualTo("echo: Hallo?");
    }

    @Test
    void newModelNotYetServedIsRetriedShortlyAfterTheJobFinished() {
        JobSnapshot done = job(JobStatus.SUCCEEDED).toBuilder().fineTunedModel("ft:new")
                .finishedAt(sleeper.clock().instant().minusSeconds(30)).build();
        provider.chatErrors.add(notFound());
        provider.chatErrors.add(notFound());

        String answer = client.model(done).chat("Hallo?");

        assertThat(answer).isEqualTo("echo: Hallo?");
        assertThat(provider.chatCalls).isEqualTo(3);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void oldModelNotFoundIsThrownAtOnce() {
        JobSnapshot done = job(JobStatus.SUCCEEDED).toBuilder().fineTunedModel("ft:old")
                .finishedAt(sleeper.clock().instant().minus(Duration.ofDays(3))).build();
        provider.chatErrors.add(notFound());

        assertThatThrownBy(() -> client.model(done).chat("Hallo?"))
                .isInstanceOf(io.github.finetune4j.core.error.NotFoundException.class);
        assertThat(provider.chatCalls).isEqualTo(1);
    }

    private static io.github.finetune4j.core.error.NotFoundException notFound() {
        return new io.github.finetune4j.core.error.NotFoundException(new ApiErrorDetails("scripted", 404,
                "model_not_found", null, null, "The model does not exist", null, null));
    }

    @Test
    void awaitCompletionAsyncCompletesOnAClientThread() throws Exception {
        provider.getJobAnswers.add(() -> job(JobStatus.SUCCEEDED));
        FineTuneJob job = client.start(request(t1000(10)));

        JobSnapshot done = job.awaitCompletionAsync(WaitOptions.defaults()).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        client.close();
    }
}
