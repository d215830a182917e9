package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.AzureTraining;
import io.github.finetune4j.azure.AzureTrainingType;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureJobsTest {
    private static final JobId JOB = JobId.of("ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c");

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @Test
    void createJobOnTheDatedRouteSendsTheGaShapeWithTrainingTypeAndReadsThe201() throws Exception {
        server.enqueue(FIXTURES.json(201, "jobs/create-pending.json"));

        JobSnapshot job = providers.dated(server).createJob(Jobs.full());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/fine_tuning/jobs");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(TestProviders.KEY);
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("jobs/create-request-dated.json"));
        assertThat(job.id()).isEqualTo(JOB);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.rawStatus()).isEqualTo("pending");
        assertThat(job.provider()).isEqualTo("azure-openai");
        assertThat(job.resultFiles()).isEmpty();
        assertThat(job.fineTunedModel()).isEmpty();
        assertThat(job.error()).isEmpty();
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.auto());
        assertThat(job.hyperparameters().batchSize()).contains(HyperparameterValue.auto());
        assertThat(job.hyperparameters().learningRateMultiplier()).contains(HyperparameterValue.of(0.1));
        assertThat(providers.calls().get(0).retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
    }

    @Test
    void createJobOnV1SendsTheMethodShapeMetadataAndTheChosenTrainingType() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-pending.json"));
        FineTuneProvider provider = providers.provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/").uri()).apiKey(TestProviders.KEY)
                .trainingType(AzureTrainingType.GLOBAL_STANDARD).build());

        provider.createJob(Jobs.full());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/fine_tuning/jobs");
        assertThat(request.getUrl().query()).isNull();
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("jobs/create-request-v1.json"));
    }

    @Test
    void createJobSendsTheTrainingTypeTheRequestChoseOverTheClients() throws Exception {
        server.enqueue(FIXTURES.json(201, "jobs/create-pending.json"));

        providers.dated(server).createJob(Jobs.on("Ministral-3B", AzureTraining.of(AzureTrainingType.GLOBAL_STANDARD)));

        JsonNode body = Fixtures.parse(server.takeRequest(1, SECONDS).getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("Ministral-3B");
        assertThat(body.get("trainingType").asText()).isEqualTo("GlobalStandard");
    }

    @Test
    void createDpoJobOnTheDatedGaRouteIsRefusedBeforeAnyRequest() {
        FineTuneProvider provider = providers.dated(server);

        assertThatThrownBy(() -> provider.createJob(Jobs.full(FineTuneMethod.DPO, Hyperparameters.defaults())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-04-01-preview");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void createJobMapsAzuresErrorEnvelopeWithTargetAndRequestId() {
        server.enqueue(FIXTURES.json(400, "errors/invalid-payload.json"));
        FineTuneProvider provider = providers.v1(server);

        assertThatThrownBy(() -> provider.createJob(Jobs.full()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).contains("invalidPayload");
                    assertThat(e.errorParam()).contains("model");
                    assertThat(e.errorMessage()).contains("The specified base model does not support fine-tuning.");
                    assertThat(e.requestId()).contains(TestProviders.REQUEST_ID);
                    assertThat(e.provider()).contains("azure-openai");
                    assertThat(e.getMessage()).doesNotContain(TestProviders.KEY);
                });
    }

    @Test
    void getJobMapsASucceededJob() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-succeeded.json"));

        JobSnapshot job = providers.v1(server).getJob(JOB);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/fine_tuning/jobs/" + JOB.value());
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.fineTunedModel()).contains("gpt-4o-mini-2024-07-18.ft-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c-t1000");
        assertThat(job.trainedTokens()).contains(12345L);
        assertThat(job.finishedAt()).contains(Instant.ofEpochSecond(1735693500));
        assertThat(job.resultFiles()).containsExactly(FileId.of("file-0b1c2d3e4f5061728394a5b6c7d8e9f0"));
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.of(3));
    }

    @Test
    void getJobMapsAFailedJobsError() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-failed.json"));

        JobSnapshot job = providers.v1(server).getJob(JOB);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).hasValueSatisfying(e -> {
            assertThat(e.code()).contains("invalidPayload");
            assertThat(e.message()).isEqualTo("The training data did not pass the safety evaluation.");
            assertThat(e.param()).contains("training_file");
        });
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.auto());
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getJobTreatsTheLegacyNotRunningAsQueued() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-notrunning.json"));

        JobSnapshot job = providers.dated(server).getJob(JOB);

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.rawStatus()).isEqualTo("notRunning");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getJobOnV1ReadsNestedHyperparametersAndMetadata() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-paused-v1.json"));

        JobSnapshot job = providers.v1(server).getJob(JOB);

        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.auto());
        assertThat(job.hyperparameters().batchSize()).contains(HyperparameterValue.of(4));
        assertThat(job.metadata()).containsEntry("finetune4j_idempotency_key", "key-0001");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void listJobsSendsAfterAndLimitAndContinuesFromTheLastJob() throws Exception {
        server.enqueue(FIXTURES.json("jobs/list-page-1.json"));

        Page<JobSnapshot> page = providers.dated(server).listJobs(PageRequest.first().withLimit(2).after("ftjob-0"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(request.getUrl().queryParameter("after")).isEqualTo("ftjob-0");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(page.items()).extracting(JobSnapshot::status).containsExactly(JobStatus.RUNNING, JobStatus.QUEUED);
        assertThat(page.nextCursor()).contains("ftjob-00112233445566778899aabbccddeeff");
    }

    @Test
    void cancelJobPostsCancelAndMayBeRepeated() throws Exception {
        server.enqueue(FIXTURES.json("jobs/cancel-cancelled.json"));

        JobSnapshot job = providers.dated(server).cancelJob(JOB);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/fine_tuning/jobs/" + JOB.value() + "/cancel");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(providers.calls().get(0).retryMode()).isEqualTo(RetryMode.IDEMPOTENT);
    }

    @Test
    void pauseJobOnV1PostsPauseAndReadsPausingAsStillRunning() throws Exception {
        server.enqueue(FIXTURES.json("jobs/pause-pausing.json"));
        FineTuneProvider provider = providers.v1(server);

        JobSnapshot job = provider.feature(JobControl.class).orElseThrow().pauseJob(JOB);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/fine_tuning/jobs/" + JOB.value() + "/pause");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.rawStatus()).isEqualTo("pausing");
        assertThat(provider.feature(JobControl.class)).isPresent();
    }

    @Test
    void resumeJobOnADatedPreviewPostsResumeWithItsApiVersion() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        FineTuneProvider provider = providers.provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/").uri()).apiKey(TestProviders.KEY).apiVersion("2025-04-01-preview").build());

        provider.feature(JobControl.class).orElseThrow().resumeJob(JOB);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/fine_tuning/jobs/" + JOB.value() + "/resume");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2025-04-01-preview");
    }

    @Test
    void pauseJobOnTheDatedGaRouteIsUnsupported() {
        FineTuneProvider provider = providers.dated(server);

        assertThat(provider.feature(JobControl.class)).isEmpty();
        assertThat(provider.whyUnsupported(JobControl.class)).contains("2025-04-01-preview");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void listEventsMapsWarningLevelAndMetricsAndContinuesFromTheLastEvent() throws Exception {
        server.enqueue(FIXTURES.json("events/list-page-1.json"));

        Page<JobEvent> page = providers.dated(server).listEvents(JOB, PageRequest.first().withLimit(3));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/fine_tuning/jobs/" + JOB.value() + "/events");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("3");
        assertThat(page.items()).extracting(JobEvent::level)
                .containsExactly(EventLevel.INFO, EventLevel.WARN, EventLevel.INFO);
        assertThat(page.items().get(0).metrics()).hasValueSatisfying(m -> {
            assertThat(m.step()).isEqualTo(10);
            assertThat(m.totalSteps()).isEqualTo(36);
            assertThat(m.trainLoss()).hasValue(0.4213);
        });
        assertThat(page.items().get(1).metrics()).isEmpty();
        assertThat(page.nextCursor()).contains("ftevent-00000000000000000000000000000001");
    }

    @Test
    void listCheckpointsMapsModelStepAndMetricsSkippingNulls() throws Exception {
        server.enqueue(FIXTURES.json("checkpoints/list.json"));

        Page<Checkpoint> page = providers.v1(server).listCheckpoints(JOB, PageRequest.first());

        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).endsWith("/checkpoints");
        Checkpoint checkpoint = page.items().get(0);
        assertThat(checkpoint.id()).isEqualTo("ftchkpt-9f8e7d6c5b4a39281706f5e4d3c2b1a0");
        assertThat(checkpoint.modelName()).endsWith(":ckpt-step-24");
        assertThat(checkpoint.stepNumber()).isEqualTo(24);
        assertThat(checkpoint.jobId()).isEqualTo(JOB);
        assertThat(checkpoint.metrics().values()).containsOnlyKeys("train_loss", "train_mean_token_accuracy");
        assertThat(page.nextCursor()).isEqualTo(Optional.empty());
    }
}
