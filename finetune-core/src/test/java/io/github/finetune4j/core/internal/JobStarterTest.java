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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Each test its own state directory: a create left in flight by one test must not concern the next. */
    @TempDir
    Path stateDir;
    private DefaultFineTuneClient client;

    @BeforeEach
    void newClient() {
        client = new DefaultFineTuneClient(provider,
                new ClientConfig(EnvironmentLookup.empty(), RetryPolicy.defaults(), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5), WaitOptions.defaults(),
                        sleeper.clock(), false, Duration.ofDays(90), new ClientConfig.LargeFiles(
                                ClientConfig.LargeFiles.DEFAULT_THRESHOLD_BYTES,
                                ClientConfig.LargeFiles.DEFAULT_PART_BYTES, stateDir)),
                null, sleeper, () -> 0.5);
    }

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
            assertThat(u.filename()).matches("t1000-[0-9a-f]{12}\\.jsonl");
            assertThat(u.purpose()).isEqualTo("fine-tune");
        });
        assertThat(provider.uploadedContents.get(0).lines()).hasSize(10)
                .allSatisfy(line -> assertThat(line).startsWith("{\"messages\":[{\"role\":\"system\""));
        assertThat(provider.creations).singleElement().satisfies(c -> {
            assertThat(c.idempotencyKey()).matches("ft4j-[0-9a-f]{40}");
            assertThat(c.metadata()).containsEntry("finetune4j_idempotency_key", c.idempotencyKey())
                    .containsEntry("team", "support");
            assertThat(c.trainingFile().value()).isEqualTo("file-1");
            assertThat(c.suffix()).contains("t1000");
        });
        assertThat(Files.exists(provider.uploads.get(0).path())).as("temporary file removed").isFalse();
    }

    @Test
    void ambiguousCreateFailureFindsTheJobInsteadOfCreatingASecond() {
        provider.createAnswers.add(() -> {
            String key = provider.creations.get(0).idempotencyKey();
            // the server did create it before the connection broke
            provider.listedJobs.add(job(JobStatus.QUEUED).toBuilder()
                    .metadata(Map.of("finetune4j_idempotency_key", key)).build());
            throw new TransportException("timed out", new IOException("timeout"), "scripted", true);
        });

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(job.id().value()).isEqualTo("ftjob-1");
        assertThat(provider.creations).hasSize(1);
        assertThat(provider.listJobRequests).isNotEmpty().allSatisfy(r -> assertThat(r.metadata())
                .containsEntry("finetune4j_idempotency_key", provider.creations.get(0).idempotencyKey()));
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
    void providerWithoutMetadataReusesTheJobAnEarlierRunMadeFromTheSameContent() {
        provider.capabilities = io.github.finetune4j.core.spi.ProviderCapabilities.builder(
                io.github.finetune4j.core.preflight.PriceTable.openAi()).build();
        JobSnapshot earlier = job(JobStatus.SUCCEEDED).toBuilder().trainingFile(io.github.finetune4j.core.model.FileId.of("file-1"))
                .suffix("t1000").createdAt(sleeper.clock().instant().minus(Duration.ofDays(2))).build();
        provider.listedJobs.add(earlier);
        List<JobSnapshot> reused = new ArrayList<>();

        FineTuneJob job = client.start(request(t1000(10)), new JobListener() {
            @Override
            public void onJobReused(JobSnapshot existing) {
                reused.add(existing);
            }
        });

        assertThat(job.id()).isEqualTo(earlier.id());
        assertThat(reused).containsExactly(earlier);
        assertThat(provider.creations).isEmpty();
    }

    @Test
    void providerWithoutMetadataTrainsTheSameContentAgainUnderANewKey() {
        provider.capabilities = io.github.finetune4j.core.spi.ProviderCapabilities.builder(
                io.github.finetune4j.core.preflight.PriceTable.openAi()).build();
        provider.listedJobs.add(job(JobStatus.SUCCEEDED).toBuilder().trainingFile(io.github.finetune4j.core.model.FileId.of("file-1"))
                .suffix("t1000").createdAt(sleeper.clock().instant().minus(Duration.ofHours(2))).build());

        client.start(request(t1000(10)).toBuilder().idempotencyKey("t1000-second-run").build());

        assertThat(provider.creations).singleElement()
                .satisfies(c -> assertThat(c.idempotencyKey()).isEqualTo("t1000-second-run"));
    }

    private JobSnapshot earlierJobOfTheSameContent(JobStatus status) {
        provider.capabilities = io.github.finetune4j.core.spi.ProviderCapabilities.builder(
                io.github.finetune4j.core.preflight.PriceTable.openAi()).build();
        return job(status).toBuilder().id(io.github.finetune4j.core.model.JobId.of("ftjob-earlier"))
                .trainingFile(io.github.finetune4j.core.model.FileId.of("file-1")).suffix("t1000")
                .createdAt(sleeper.clock().instant().minus(Duration.ofDays(2))).build();
    }

    @Test
    void providerWithoutMetadataReusesTheJobWhoseReportedSettingsAreAllTheSame() {
        provider.creationSettings = Map.of("training_type", "lora");
        JobSnapshot earlier = earlierJobOfTheSameContent(JobStatus.RUNNING).toBuilder()
                .hyperparameters(Hyperparameters.builder().epochs(3).batchSize(8).build())
                .settings(Map.of("training_type", "lora", "lora_r", "16")).build();
        provider.listedJobs.add(earlier);

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(job.id()).isEqualTo(earlier.id());
        assertThat(provider.creations).isEmpty();
    }

    @Test
    void providerWithoutMetadataNeverReusesAFailedOrCancelledJobOfTheSameContent() {
        provider.listedJobs.add(earlierJobOfTheSameContent(JobStatus.FAILED));
        provider.listedJobs.add(earlierJobOfTheSameContent(JobStatus.CANCELLED).toBuilder()
                .id(io.github.finetune4j.core.model.JobId.of("ftjob-cancelled")).build());

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(1);
        assertThat(job.id().value()).isEqualTo("ftjob-1");
    }

    @Test
    void providerWithoutMetadataDoesNotReuseAJobOfAnotherBaseModelOnTheSameFiles() {
        provider.listedJobs.add(earlierJobOfTheSameContent(JobStatus.SUCCEEDED).toBuilder()
                .baseModel("gpt-4.1-mini-2025-04-14").build());

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(provider.creations).singleElement()
                .satisfies(c -> assertThat(c.baseModel()).isEqualTo("gpt-4o-mini-2024-07-18"));
        assertThat(job.id().value()).isEqualTo("ftjob-1");
    }

    @Test
    void providerWithoutMetadataDoesNotReuseAJobThatReportsOtherEpochs() {
        provider.listedJobs.add(earlierJobOfTheSameContent(JobStatus.SUCCEEDED).toBuilder()
                .hyperparameters(Hyperparameters.builder().epochs(5).build()).build());

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(1);
    }

    @Test
    void providerWithoutMetadataDoesNotReuseAJobThatReportsAnotherProviderSetting() {
        provider.creationSettings = Map.of("training_type", "full");
        provider.listedJobs.add(earlierJobOfTheSameContent(JobStatus.SUCCEEDED).toBuilder()
                .settings(Map.of("training_type", "lora")).build());

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(1);
    }

    @Test
    void ambiguousCreateFailureWithoutJobRetriesWithTheSameKey() {
        provider.createAnswers.add(() -> {
            throw new ServerException(new ApiErrorDetails("scripted", 502, null, null, null, "bad gateway", null, null));
        });

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(2);
        assertThat(provider.creations.get(1).idempotencyKey()).isEqualTo(provider.creations.get(0).idempotencyKey());
    }

    @Test
    void createThatNeverReachedTheServerIsRetriedWithoutLookingForIt() {
        provider.createAnswers.add(() -> {
            throw new TransportException("refused", new IOException("refused"), "scripted", false);
        });

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(2);
        assertThat(provider.listJobRequests).hasSize(1);   // only the look for an earlier run, before uploading
        assertThat(sleeper.sleeps).hasSize(1);             // one backoff between the attempts
    }

    @Test
    void aSecondRunOfTheSameProgramFindsTheFirstRunsJobAndUploadsNothing() {
        client.start(request(t1000(10)));
        String key = provider.creations.get(0).idempotencyKey();
        provider.listedJobs.add(job(JobStatus.RUNNING).toBuilder()
                .metadata(Map.of("finetune4j_idempotency_key", key)).build());
        int uploadsBefore = provider.uploads.size();
        List<JobSnapshot> reused = new ArrayList<>();

        FineTuneJob again = client.start(request(t1000(10)), new JobListener() {
            @Override
            public void onJobReused(JobSnapshot job) {
                reused.add(job);
            }
        });

        assertThat(again.id().value()).isEqualTo("ftjob-1");
        assertThat(reused).hasSize(1);
        assertThat(provider.creations).hasSize(1);
        assertThat(provider.uploads).hasSize(uploadsBefore);
    }

    @Test
    void theDerivedKeyFollowsTheContentAndTheSettings() {
        client.start(request(t1000(10)));
        client.start(request(t1000(10)));
        client.start(request(t1000(11)));
        client.start(request(t1000(10)).toBuilder().hyperparameters(Hyperparameters.builder().epochs(4).build()).build());

        assertThat(provider.creations).extracting(c -> c.idempotencyKey())
                .satisfies(keys -> {
                    assertThat(keys.get(0)).isEqualTo(keys.get(1));
                    assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
                    assertThat(keys.get(3)).isNotEqualTo(keys.get(0)).isNotEqualTo(keys.get(2));
                });
    }

    @Test
    void aCallersOwnKeyIsUsedAndNeverOverwritten() {
        client.start(request(t1000(10)).toBuilder().idempotencyKey("t1000-run-7").build());
        client.start(request(t1000(10)).toBuilder().putMetadata("finetune4j_idempotency_key", "from-metadata").build());

        assertThat(provider.creations).extracting(c -> c.metadata().get("finetune4j_idempotency_key"))
                .containsExactly("t1000-run-7", "from-metadata");
    }

    @Test
    void aLateCreateThatLandsAfterTheRetryIsCancelledBeforeItTrains() {
        // The first POST times out; the provider processes it only after the retry created the second job.
        JobSnapshot late = job(JobStatus.QUEUED).toBuilder().id(io.github.finetune4j.core.model.JobId.of("ftjob-late"))
                .build();
        provider.createAnswers.add(() -> {
            throw new TransportException("timed out", new IOException("timeout"), "scripted", true);
        });
        provider.createAnswers.add(() -> {
            String key = provider.creations.get(0).idempotencyKey();
            JobSnapshot retried = job(JobStatus.QUEUED).toBuilder().id(io.github.finetune4j.core.model.JobId.of("ftjob-retry"))
                    .metadata(Map.of("finetune4j_idempotency_key", key)).createdAt(sleeper.clock().instant()).build();
            provider.listedJobs.add(retried);
            sleeper.beforeEachSleep(() -> {
                if (provider.listedJobs.size() == 1) {
                    provider.listedJobs.add(0, late.toBuilder().metadata(Map.of("finetune4j_idempotency_key", key))
                            .createdAt(sleeper.clock().instant().plusSeconds(1)).build());
                }
            });
            return retried;
        });
        List<String> duplicates = new ArrayList<>();

        FineTuneJob job = client.start(request(t1000(10)), new JobListener() {
            @Override
            public void onDuplicateJobCancelled(JobSnapshot cancelled, JobSnapshot kept) {
                duplicates.add(kept.id().value());
            }
        });

        assertThat(job.id().value()).isEqualTo("ftjob-retry");
        assertThat(provider.cancelCalls).isEqualTo(1);
        assertThat(duplicates).containsExactly("ftjob-retry");
    }

    @Test
    void aCreateThatLandsLateInTheLandingWindowIsFoundBeforeTheRetry() {
        // The request timeout is 1 s, so the landing window is 6 s; this create times out and lands after 5 s.
        provider.createAnswers.add(() -> {
            java.time.Instant landsAt = sleeper.clock().instant().plusSeconds(5);
            String key = provider.creations.get(0).idempotencyKey();
            provider.beforeListJobs = () -> {
                if (provider.listedJobs.isEmpty() && !sleeper.clock().instant().isBefore(landsAt)) {
                    provider.listedJobs.add(job(JobStatus.QUEUED).toBuilder()
                            .id(io.github.finetune4j.core.model.JobId.of("ftjob-late"))
                            .metadata(Map.of("finetune4j_idempotency_key", key)).build());
                }
            };
            throw new TransportException("timed out", new IOException("timeout"), "scripted", true);
        });

        FineTuneJob job = client.start(request(t1000(10)));

        assertThat(job.id().value()).isEqualTo("ftjob-late");
        assertThat(provider.creations).hasSize(1);
        assertThat(provider.cancelCalls).isZero();
    }

    @Test
    void anAmbiguousCreateThatNeverLandsEndsUncertainAndKeepsTheFiles() {
        for (int i = 0; i < 3; i++) {
            provider.createAnswers.add(() -> {
                throw new ServerException(new ApiErrorDetails("scripted", 504, null, null, null, "gateway timeout",
                        null, null));
            });
        }

        assertThatThrownBy(() -> client.start(request(t1000(10))))
                .isInstanceOfSatisfying(io.github.finetune4j.core.error.JobCreationUncertainException.class, e -> {
                    assertThat(e.idempotencyKey()).isEqualTo(provider.creations.get(0).idempotencyKey());
                    assertThat(e).hasMessageContaining("may exist").hasMessageContaining("gateway timeout");
                });
        assertThat(provider.creations).hasSize(3);
        assertThat(provider.deletedFiles).isEmpty();
    }

    @Test
    void eachCreateAttemptIsMarkedBeforeItIsSentAndForgottenOnceAnswered() {
        PendingCreates pending = new PendingCreates(stateDir, "scripted");
        List<Boolean> markedWhileSending = new ArrayList<>();
        provider.createAnswers.add(() -> {
            markedWhileSending.add(pending.sentAt("t1000-run-1").isPresent());
            return job(JobStatus.QUEUED);
        });

        client.start(request(t1000(10)).toBuilder().idempotencyKey("t1000-run-1").build());

        assertThat(markedWhileSending).containsExactly(true);
        assertThat(pending.sentAt("t1000-run-1")).isEmpty();
    }

    @Test
    void anUncertainCreateLeavesItsMarkForTheNextRun() {
        for (int i = 0; i < 3; i++) {
            provider.createAnswers.add(() -> {
                throw new TransportException("timed out", new IOException("timeout"), "scripted", true);
            });
        }

        assertThatThrownBy(() -> client.start(request(t1000(10)).toBuilder().idempotencyKey("t1000-run-1").build()))
                .isInstanceOf(io.github.finetune4j.core.error.JobCreationUncertainException.class);
        assertThat(new PendingCreates(stateDir, "scripted").sentAt("t1000-run-1")).isPresent();
    }

    @Test
    void aCreateAnEarlierRunLeftInFlightIsAwaitedInsteadOfJoinedByASecondJob() {
        // The earlier process sent its create and died; the request lands 5 s later, after this run has started.
        new PendingCreates(stateDir, "scripted").mark("t1000-run-1", sleeper.clock().instant());
        java.time.Instant landsAt = sleeper.clock().instant().plusSeconds(5);
        provider.beforeListJobs = () -> {
            if (provider.listedJobs.isEmpty() && !sleeper.clock().instant().isBefore(landsAt)) {
                provider.listedJobs.add(job(JobStatus.QUEUED).toBuilder()
                        .id(io.github.finetune4j.core.model.JobId.of("ftjob-late"))
                        .metadata(Map.of("finetune4j_idempotency_key", "t1000-run-1")).build());
            }
        };
        List<JobSnapshot> reused = new ArrayList<>();

        FineTuneJob job = client.start(request(t1000(10)).toBuilder().idempotencyKey("t1000-run-1").build(),
                new JobListener() {
                    @Override
                    public void onJobReused(JobSnapshot earlier) {
                        reused.add(earlier);
                    }
                });

        assertThat(job.id().value()).isEqualTo("ftjob-late");
        assertThat(reused).extracting(j -> j.id().value()).containsExactly("ftjob-late");
        assertThat(provider.creations).isEmpty();
        assertThat(new PendingCreates(stateDir, "scripted").sentAt("t1000-run-1")).isEmpty();
    }

    @Test
    void aMarkOlderThanTheLandingWindowCostsOneLookupBeforeTheJobIsCreated() {
        new PendingCreates(stateDir, "scripted").mark("t1000-run-1",
                sleeper.clock().instant().minus(Duration.ofHours(1)));

        client.start(request(t1000(10)).toBuilder().idempotencyKey("t1000-run-1").build());

        assertThat(provider.listJobRequests).hasSize(2);   // the look for an earlier run, and one for its request
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(provider.creations).hasSize(1);
        assertThat(new PendingCreates(stateDir, "scripted").sentAt("t1000-run-1")).isEmpty();
    }

    @Test
    void anUploadWhoseAnswerWasLostIsFoundByItsNameAndUsed() {
        provider.lostUploadAnswers.add(() -> new TransportException("reset", new IOException("reset"), "scripted",
                true));

        client.start(request(t1000(10)));

        assertThat(provider.uploads).hasSize(1);
        assertThat(provider.creations).singleElement()
                .satisfies(c -> assertThat(c.trainingFile().value()).isEqualTo("file-1"));
    }

    @Test
    void anUploadWhoseAnswerWasLostIsDeletedWhenTheStartFailsForGood() {
        provider.lostUploadAnswers.add(() -> new ServerException(new ApiErrorDetails("scripted", 502, null, null,
                null, "bad gateway", null, null)));
        provider.createAnswers.add(() -> {
            throw new io.github.finetune4j.core.error.BadRequestException(new ApiErrorDetails("scripted", 400,
                    "invalid_request", null, "model", "model not available", null, null));
        });

        assertThatThrownBy(() -> client.start(request(t1000(10))))
                .isInstanceOf(io.github.finetune4j.core.error.BadRequestException.class);
        assertThat(provider.deletedFiles).extracting(f -> f.value()).containsExactly("file-1");
    }

    @Test
    void anUploadThatNeverLeftIsNotLookedFor() {
        provider.lostUploadAnswers.add(() -> new TransportException("refused", new IOException("refused"),
                "scripted", false));

        assertThatThrownBy(() -> client.start(request(t1000(10)))).isInstanceOf(TransportException.class);
        assertThat(provider.creations).isEmpty();
    }

    @Test
    void aStartThatFailsForGoodDeletesTheFilesItUploaded() {
        provider.createAnswers.add(() -> {
            throw new io.github.finetune4j.core.error.BadRequestException(new ApiErrorDetails("scripted", 400,
                    "invalid_request", null, "model", "model not available", null, null));
        });

        assertThatThrownBy(() -> client.start(request(t1000(10))))
                .isInstanceOf(io.github.finetune4j.core.error.BadRequestException.class);
        assertThat(provider.deletedFiles).extracting(f -> f.value()).containsExactly("file-1");
    }

    @Test
    void keepFilesOnFailureKeepsThem() {
        provider.createAnswers.add(() -> {
            throw new io.github.finetune4j.core.error.BadRequestException(new ApiErrorDetails("scripted", 400,
                    "invalid_request", null, "model", "model not available", null, null));
        });

        assertThatThrownBy(() -> client.start(request(t1000(10)).toBuilder().keepFilesOnFailure().build()))
                .isInstanceOf(io.github.finetune4j.core.error.BadRequestException.class);
        assertThat(provider.deletedFiles).isEmpty();
    }

    @Test
    void aFileOfTheSameContentAlreadyUploadedIsReusedNotSentAgain() {
        client.start(request(t1000(10)));
        io.github.finetune4j.core.spi.FileUpload first = provider.uploads.get(0);
        provider.existingFiles.add(new FileInfo(io.github.finetune4j.core.model.FileId.of("file-earlier"),
                first.filename(), first.bytes(), sleeper.clock().instant(), "fine-tune",
                io.github.finetune4j.core.model.FileStatus.PROCESSED, java.util.Optional.empty()));
        List<String> reused = new ArrayList<>();

        client.start(request(t1000(10)).toBuilder().idempotencyKey("second-run").build(), new JobListener() {
            @Override
            public void onFileReused(FileInfo file) {
                reused.add(file.id().value());
            }
        });

        assertThat(provider.uploads).hasSize(1);
        assertThat(reused).containsExactly("file-earlier");
        assertThat(provider.creations.get(1).trainingFile().value()).isEqualTo("file-earlier");
    }

    @Test
    void creationRetriesBackOffAndHonourRetryAfter() {
        provider.createAnswers.add(() -> {
            throw new io.github.finetune4j.core.error.RateLimitException(new ApiErrorDetails("scripted", 429,
                    "rate_limit_exceeded", null, null, "slow down", null, Duration.ofSeconds(45)));
        });
        provider.createAnswers.add(() -> {
            throw new TransportException("refused", new IOException("refused"), "scripted", false);
        });

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(3);
        assertThat(sleeper.sleeps.get(0)).isEqualTo(Duration.ofSeconds(45));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }

    @Test
    void aRetryAfterAtTheCapIsStillWaited() {
        provider.createAnswers.add(() -> {
            throw new io.github.finetune4j.core.error.RateLimitException(new ApiErrorDetails("scripted", 429,
                    "rate_limit_exceeded", null, null, "slow down", null, RetryPolicy.MAX_SERVER_DELAY));
        });

        client.start(request(t1000(10)));

        assertThat(provider.creations).hasSize(2);
        assertThat(sleeper.sleeps).containsExactly(RetryPolicy.MAX_SERVER_DELAY);
    }

    @Test
    void aRetryAfterOfADayEndsTheCreationAtOnceWithTheDeferredError() {
        provider.createAnswers.add(() -> {
            throw new io.github.finetune4j.core.error.RateLimitException(new ApiErrorDetails("scripted", 429,
                    "rate_limit_exceeded", null, null, "come back tomorrow", null, Duration.ofDays(1)));
        });

        assertThatThrownBy(() -> client.start(request(t1000(10))))
                .isInstanceOfSatisfying(io.github.finetune4j.core.error.RateLimitException.class, e -> {
                    assertThat(e.isDeferred()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofDays(1));
                });
        assertThat(provider.creations).hasSize(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aServerErrorAskingForADayIsLookedForThenNotRetried() {
        provider.createAnswers.add(() -> {
            throw new ServerException(new ApiErrorDetails("scripted", 503, null, null, null, "maintenance", null,
                    Duration.ofDays(1)));
        });

        // the 503 may have created the job: it is looked for during the landing window, never retried a day later
        assertThatThrownBy(() -> client.start(request(t1000(10))))
                .isInstanceOf(io.github.finetune4j.core.error.JobCreationUncertainException.class)
                .hasCauseInstanceOf(ServerException.class);
        assertThat(provider.creations).hasSize(1);
        assertThat(provider.listJobRequests).isNotEmpty();
        assertThat(sleeper.sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    private static ServerException unavailable() {
        return new ServerException(new ApiErrorDetails("scripted", 503, null, null, null, "unavailable", null, null));
    }

    @Test
    void aFailedFirstPollOfTheUploadedFileIsToleratedLikeEveryLaterOne() {
        provider.getFileAnswers.add(() -> {
            throw unavailable();
        });
        List<FileInfo> processed = new ArrayList<>();

        FineTuneJob job = client.start(request(t1000(10)), new JobListener() {
            @Override
            public void onFileProcessed(FileInfo file) {
                processed.add(file);
            }
        });

        assertThat(job.id().value()).isEqualTo("ftjob-1");
        assertThat(provider.getFileCalls).isEqualTo(2);
        assertThat(processed).singleElement().satisfies(f -> assertThat(f.status())
                .isEqualTo(io.github.finetune4j.core.model.FileStatus.PROCESSED));
        assertThat(provider.creations).hasSize(1);
    }

    @Test
    void fileStatusPollsFailingBeyondTheToleranceEndTheStartWithTheLastError() {
        int tolerated = WaitOptions.defaults().maxConsecutivePollFailures();
        for (int i = 0; i < tolerated; i++) {
            provider.getFileAnswers.add(() -> {
                throw unavailable();
            });
        }

        assertThatThrownBy(() -> client.start(request(t1000(10)))).isInstanceOf(ServerException.class);
        assertThat(provider.getFileCalls).isEqualTo(tolerated);
        assertThat(provider.creations).isEmpty();
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
