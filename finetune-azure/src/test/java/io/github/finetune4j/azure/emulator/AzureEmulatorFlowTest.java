package io.github.finetune4j.azure.emulator;

import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Our Azure provider against the testkit's Azure dialect: the whole story, both routes, faults. */
class AzureEmulatorFlowTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private FineTuneClient client(AzureOpenAiFineTuning.Builder builder) {
        return Emulated.client(emulator, builder);
    }

    private AzureDeployments deployments() {
        return AzureDeployments.builder().armEndpoint(URI.create(emulator.armEndpoint()))
                .subscriptionId("sub").resourceGroup("rg").accountName("t1000-resource")
                .credential(request -> AccessToken.of(emulator.apiKey(), Instant.now().plusSeconds(3600)))
                .build();
    }

    private static FineTuneRequest request() {
        return FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18").trainingData(Emulated.t1000()).suffix("t1000").build();
    }

    private void storyRunsEndToEnd(AzureOpenAiFineTuning.Builder route) {
        try (FineTuneClient client = client(route); AzureDeployments deployments = deployments()) {
            JobSnapshot done = client.start(request()).awaitCompletion();
            Deployment deployment = deployments.deploy(DeploymentRequest.builder().name("t1000").fineTunedModel(done)
                    .sku(DeploymentSku.STANDARD).capacity(1).build(),
                    DeploymentWaitOptions.builder().timeout(Duration.ofMinutes(1)).fixedInterval(Duration.ofMillis(20)).build());

            String answer = deployments.model(client, deployment).withSystemPrompt(Emulated.SYSTEM)
                    .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");

            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(answer).isEqualTo(Emulated.CLEANING_ANSWER);
            deployments.delete(deployment.name());
        }
    }

    @Test
    void storyRunsOnTheV1Route() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> storyRunsEndToEnd(AzureOpenAiFineTuning.builder()));
    }

    @Test
    void storyRunsOnTheDatedRoute() {
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> storyRunsEndToEnd(AzureOpenAiFineTuning.builder().apiVersion("2024-10-21")));
    }

    @Test
    void injectedRateLimitsAndOutagesNeitherFailNorDuplicateTheJob() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(10)).times(2));
        emulator.faults().inject(Fault.serviceUnavailable().onPath("/fine_tuning/jobs").times(1));
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder())) {
            JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> client.start(request()).awaitCompletion());

            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(client.listJobs(PageRequest.first()).stream().count()).isEqualTo(1);
        }
    }

    @Test
    void failingJobThrowsJobFailedExceptionWithTheServiceError() {
        emulator.faults().failNextJob(2, "internalError", "The job failed due to an internal error.");
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder())) {
            Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> client.start(request()).awaitCompletion()));

            assertThat(thrown).isInstanceOfSatisfying(JobFailedException.class,
                    e -> assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).contains("internalError")));
        }
    }
}
