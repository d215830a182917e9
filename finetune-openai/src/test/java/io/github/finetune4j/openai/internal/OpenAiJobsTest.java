package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiJobsTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    @Test
    void createJobPostsModelTrainingFileAndMethod() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-queued.json"));

        JobSnapshot job = providers.provider(server).createJob(Jobs.full());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("jobs/create-request.json"));
        assertThat(job.id()).isEqualTo(JobId.of("ftjob-abc123"));
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.provider()).isEqualTo("openai");
        assertThat(job.metadata()).containsEntry("finetune4j_idempotency_key", "key-0001");
        assertThat(job.error()).isEmpty();
    }

    @Test
    void createJobIsSentAsNotIdempotent() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-queued.json"));

        providers.provider(server).createJob(Jobs.minimal());

        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void createJobWithDefaultsSendsOnlyModelTrainingFileAndMethodType() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-queued.json"));

        providers.provider(server).createJob(Jobs.minimal());

        JsonNode body = Fixtures.parse(server.takeRequest(1, SECONDS).getBody().utf8());
        assertThat(body).isEqualTo(Fixtures.parse("{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"file-abc123\",\"method\":{\"type\":\"supervised\"}}"));
    }

    @Test
    void createJobWritesSnakeCaseHyperparametersWithIntegersAsIntegers() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-queued.json"));

        providers.provider(server).createJob(Jobs.full());

        String raw = server.takeRequest(1, SECONDS).getBody().utf8();
        assertThat(raw).contains("\"n_epochs\":3").doesNotContain("nEpochs").doesNotContain("3.0")
                .contains("\"batch_size\":\"auto\"").contains("\"learning_rate_multiplier\":1.8");
    }

    @Test
    void createDpoJobPutsBetaUnderMethodDpo() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-dpo-queued.json"));
        JobCreation dpo = new JobCreation("gpt-4o-mini", FileId.of("file-abc"), Optional.of(FileId.of("file-123")),
                Optional.empty(), Optional.empty(), Map.of(), FineTuneMethod.DPO,
                Hyperparameters.builder().beta(0.1).epochs(2).build(), Map.of(), "k");

        JobSnapshot job = providers.provider(server).createJob(dpo);

        JsonNode body = Fixtures.parse(server.takeRequest(1, SECONDS).getBody().utf8());
        assertThat(body.path("method")).isEqualTo(Fixtures.parse(
                "{\"type\":\"dpo\",\"dpo\":{\"hyperparameters\":{\"n_epochs\":2,\"beta\":0.1}}}"));
        assertThat(job.method()).isEqualTo(FineTuneMethod.DPO);
        assertThat(job.hyperparameters().beta()).contains(HyperparameterValue.of(0.1));
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.auto());
        assertThat(job.validationFile()).contains(FileId.of("file-123"));
    }

    @Test
    void createJobMergesExtraBodyPropertiesAtTopLevel() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-queued.json"));
        JobCreation base = Jobs.minimal();
        JobCreation withExtras = new JobCreation(base.baseModel(), base.trainingFile(), base.validationFile(),
                base.suffix(), base.seed(), Map.of("finetune4j_idempotency_key", "key-0001"), base.method(),
                base.hyperparameters(),
                Map.of("integrations", List.of(Map.of("type", "wandb", "wandb", Map.of("project", "p"))),
                        "metadata", Map.of("extra", "yes", "finetune4j_idempotency_key", "overridden")),
                base.idempotencyKey());

        providers.provider(server).createJob(withExtras);

        JsonNode body = Fixtures.parse(server.takeRequest(1, SECONDS).getBody().utf8());
        assertThat(body.path("integrations").get(0).path("wandb").path("project").asText()).isEqualTo("p");
        assertThat(body.path("metadata")).isEqualTo(Fixtures.parse(
                "{\"extra\":\"yes\",\"finetune4j_idempotency_key\":\"key-0001\"}"));
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
    }

    @Test
    void getJobMapsRunningJob() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));

        JobSnapshot job = providers.provider(server).getJob(JobId.of("ftjob-abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(job).isEqualTo(JobSnapshot.builder()
                .id(JobId.of("ftjob-abc123")).rawStatus("running").status(JobStatus.RUNNING).provider("openai")
                .baseModel("gpt-4o-mini-2024-07-18").createdAt(Instant.ofEpochSecond(1721764800))
                .estimatedFinish(Instant.ofEpochSecond(1721768400)).trainingFile(FileId.of("file-abc123"))
                .method(FineTuneMethod.SUPERVISED)
                .hyperparameters(Hyperparameters.builder().epochs(3).batchSize(1).learningRateMultiplier(1.8).build())
                .seed(683058546L).suffix("t1000").metadata(Map.of("team", "support"))
                .build());
    }

    @Test
    void getJobMapsSucceededJobWithModelTokensAndResultFiles() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-succeeded.json"));

        JobSnapshot job = providers.provider(server).getJob(JobId.of("ftjob-abc123"));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.fineTunedModel()).contains("ft:davinci-002:my-org:custom_suffix:7q8mpxmy");
        assertThat(job.finishedAt()).contains(Instant.ofEpochSecond(1692661190));
        assertThat(job.estimatedFinish()).isEmpty();
        assertThat(job.trainedTokens()).contains(5768L);
        assertThat(job.resultFiles()).containsExactly(FileId.of("file-res123"));
        assertThat(job.seed()).contains(0L);
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.of(4));
        assertThat(job.hyperparameters().learningRateMultiplier()).contains(HyperparameterValue.of(1.0));
        assertThat(job.error()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getJobMapsFailedJobWithError() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-failed.json"));

        JobSnapshot job = providers.provider(server).getJob(JobId.of("ftjob-fail01"));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains(JobError.of("invalid_training_file",
                "The job failed due to a file format error in the training file. Invalid file format. "
                        + "Example 6174 message contains an invalid token.", "training_file"));
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.auto());
        assertThat(job.metadata()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getJobTreatsAllNullErrorObjectAsNoError() throws Exception {
        server.enqueue(FIXTURES.json("jobs/create-queued.json"));

        JobSnapshot job = providers.provider(server).getJob(JobId.of("ftjob-abc123"));

        assertThat(job.error()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getJobTreatsEmptyErrorObjectAsNoErrorAndToleratesUnknownMethod() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-error-empty.json"));

        JobSnapshot job = providers.provider(server).getJob(JobId.of("ftjob-abc123"));

        assertThat(job.error()).isEmpty();
        assertThat(job.status()).isEqualTo(JobStatus.VALIDATING_FILES);
        assertThat(job.hyperparameters().epochs()).contains(HyperparameterValue.auto());
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getJobKeepsUnknownStatusAsRawStatus() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-unknown-status.json"));

        JobSnapshot job = providers.provider(server).getJob(JobId.of("ftjob-abc123"));

        assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(job.rawStatus()).isEqualTo("migrating_capacity");
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.hyperparameters()).isEqualTo(Hyperparameters.defaults());
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void listJobsSendsAfterLimitAndEncodedMetadataFilter() throws Exception {
        server.enqueue(FIXTURES.json("jobs/list-page-1.json"));
        PageRequest page = PageRequest.first().after("ftjob-prev").withLimit(2)
                .withMetadata("finetune4j_idempotency_key", "a b&c=d");

        Page<JobSnapshot> result = providers.provider(server).listJobs(page);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs");
        assertThat(request.getUrl().encodedQuery()).isEqualTo(
                "after=ftjob-prev&limit=2&metadata%5Bfinetune4j_idempotency_key%5D=a%20b%26c%3Dd");
        assertThat(request.getUrl().queryParameter("metadata[finetune4j_idempotency_key]")).isEqualTo("a b&c=d");
        assertThat(result.items()).extracting(JobSnapshot::id)
                .containsExactly(JobId.of("ftjob-abc123"), JobId.of("ftjob-def456"));
        assertThat(result.items().get(1).fineTunedModel()).contains("ft:gpt-4o-mini-2024-07-18:my-org::Xy12Ab34");
        assertThat(result.nextCursor()).contains("ftjob-def456");
    }

    @Test
    void listJobsLastPageHasNoCursor() throws Exception {
        server.enqueue(FIXTURES.json("jobs/list-last.json"));

        Page<JobSnapshot> result = providers.provider(server).listJobs(PageRequest.first());

        assertThat(result.items()).extracting(JobSnapshot::status).containsExactly(JobStatus.CANCELLED);
        assertThat(result.nextCursor()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS).getUrl().query()).isNull();
    }

    @Test
    void cancelJobPostsToCancel() throws Exception {
        server.enqueue(FIXTURES.json("jobs/cancel-cancelled.json"));

        JobSnapshot job = providers.provider(server).cancelJob(JobId.of("ftjob-abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/cancel");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getBodySize()).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.IDEMPOTENT);
    }

    @Test
    void pauseJobPostsToPauseAndMapsPausedStatus() throws Exception {
        server.enqueue(FIXTURES.json("jobs/pause-paused.json"));

        JobSnapshot job = providers.provider(server).feature(JobControl.class).orElseThrow().pauseJob(JobId.of("ftjob-abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/pause");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.rawStatus()).isEqualTo("paused");
        assertThat(job.isTerminal()).isFalse();
    }

    @Test
    void resumeJobPostsToResume() throws Exception {
        server.enqueue(FIXTURES.json("jobs/resume-queued.json"));

        JobSnapshot job = providers.provider(server).feature(JobControl.class).orElseThrow().resumeJob(JobId.of("ftjob-abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/resume");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void capabilitiesDeclarePauseAndMetadataFilter() {
        assertThat(providers.provider(server).feature(JobControl.class)).isPresent();
        assertThat(providers.provider(server).capabilities().supportsMetadataFilter()).isTrue();
        assertThat(providers.provider(server).id()).isEqualTo("openai");
    }
}
