package io.github.finetune4j.azure;

import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.ProvisioningState;
import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.ModelUnavailableException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.LifecycleWarning;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AzureClientTest {
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private FineTuneClient client(Clock clock) {
        return AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri()).apiKey("test-azure-key")
                .buildClient(FineTuneClient.builder().retryPolicy(RetryPolicy.none()).clock(clock)
                        .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).build()));
    }

    private static Dataset data() {
        Dataset.Builder b = Dataset.builder().name("t1000-kundenservice")
                .systemPrompt("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.");
        for (int i = 1; i <= 10; i++) {
            b.example("Frage " + i + " zum T-1000?", "Antwort " + i + ": Bitte prüfen Sie den Filter.");
        }
        return b.build();
    }

    private static FineTuneRequest request(String baseModel) {
        return FineTuneRequest.builder().baseModel(baseModel).trainingData(data()).suffix("t1000").build();
    }

    @Test
    void theClientsUploadTimeoutAppliesToAzureUploads() {
        MockResponse noFiles = new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[],\"has_more\":false}").build();
        server.enqueue(noFiles);                         // is the file already there? no
        server.enqueue(new MockResponse.Builder().headersDelay(5, SECONDS).body("{}").build());
        server.enqueue(noFiles);                         // the answer is lost: did the upload land anyway? no

        try (FineTuneClient client = AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri())
                .apiKey("test-azure-key").buildClient(FineTuneClient.builder().retryPolicy(RetryPolicy.none())
                        .uploadTimeout(Duration.ofMillis(500)))) {
            // With the client's 500 ms the upload times out; a hard-coded 30 minutes would get the server's late
            // answer (an unreadable "{}") after 5 s instead.
            assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET, () -> client.uploadFile(data())))
                    .isInstanceOf(TransportException.class).hasMessageContaining("timed out")
                    .hasMessageContaining("POST http://" + server.getHostName() + ":" + server.getPort()
                            + "/openai/v1/files");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aModelTheCatalogMarksNotFineTunableIsRefusedBeforeAnyUpload() throws Exception {
        server.enqueue(FIXTURES.json("models/get-not-tunable.json"));

        try (FineTuneClient client = client(Clock.systemUTC())) {
            assertThatThrownBy(() -> client.start(request("gpt-35-turbo-0613")))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("gpt-35-turbo-0613");
        }

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath())
                .isEqualTo("/openai/v1/models/gpt-35-turbo-0613");
    }

    @Test
    void aFineTuningDeprecationWithinTheHorizonIsWarnedAndTheJobStillStarts() throws Exception {
        String none = "{\"object\":\"list\",\"data\":[],\"has_more\":false}";
        server.enqueue(FIXTURES.json("models/get-base.json"));
        server.enqueue(FIXTURES.jsonBody(200, none));                 // a job of an earlier run with this key?
        server.enqueue(FIXTURES.jsonBody(200, none));                 // the file already uploaded?
        server.enqueue(FIXTURES.json(201, "files/upload-pending.json"));
        server.enqueue(FIXTURES.json("files/get-processed.json"));
        server.enqueue(FIXTURES.jsonBody(200, none));                 // no metadata on Azure: same content?
        server.enqueue(FIXTURES.json(201, "jobs/create-pending.json"));
        List<LifecycleWarning> warnings = new CopyOnWriteArrayList<>();

        FineTuneJob job;
        try (FineTuneClient client = client(MARCH_2026)) {
            job = assertTimeoutPreemptively(BUDGET, () -> client.start(request("gpt-4o-mini-2024-07-18"),
                    new JobListener() {
                        @Override
                        public void onLifecycleWarning(LifecycleWarning warning) {
                            warnings.add(warning);
                        }
                    }));
        }

        assertThat(job.latest().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(warnings).extracting(LifecycleWarning::kind)
                .containsExactly(LifecycleWarning.Kind.FINE_TUNE_DEPRECATION);
        assertThat(warnings.get(0).date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath())
                .isEqualTo("/openai/v1/models/gpt-4o-mini-2024-07-18");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/v1/fine_tuning/jobs");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/v1/files");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/v1/files");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath())
                .isEqualTo("/openai/v1/files/file-7a1c2b3d4e5f60718293a4b5c6d7e8f9");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/v1/fine_tuning/jobs");
        RecordedRequest create = server.takeRequest(1, SECONDS);
        assertThat(create.getUrl().encodedPath()).isEqualTo("/openai/v1/fine_tuning/jobs");
        assertThat(Fixtures.parse(create.getBody().utf8()).get("trainingType").asText()).isEqualTo("Standard");
    }

    @Test
    void waitingForAFileFailsWithTheServicesReason() {
        server.enqueue(FIXTURES.json("files/upload-pending.json"));
        server.enqueue(FIXTURES.json("files/get-error.json"));

        try (FineTuneClient client = client(Clock.systemUTC())) {
            assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET, () -> client.awaitFileProcessed(
                    FileId.of("file-7a1c2b3d4e5f60718293a4b5c6d7e8f9"), Duration.ofSeconds(5))))
                    .isInstanceOf(FineTuneException.class)
                    .hasMessageContaining("Line 3: messages must contain at least one assistant message.");
        }
    }

    @Test
    void importFileGoesThroughTheAzureClient() throws Exception {
        server.enqueue(FIXTURES.json(201, "files/import-pending.json"));

        FileInfo file;
        try (FineTuneClient client = client(Clock.systemUTC())) {
            file = client.extension(AzureOpenAi.class).importFile(URI.create("https://example.blob.core.windows.net/training/t1000.jsonl"),
                    "t1000-kundenservice.jsonl");
            assertThatThrownBy(() -> client.extension(AzureOpenAi.class).importFile(URI.create("https://x.example/a"), "a.csv"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(file.id().value()).isEqualTo("file-1d2e3f405162738495a6b7c8d9e0f1a2");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/files/import");
    }

    @Test
    void aNewDeploymentsDeploymentNotFoundIsRetriedUntilItAnswers() throws Exception {
        server.enqueue(FIXTURES.json(404, "errors/deployment-not-found.json"));
        server.enqueue(FIXTURES.json(404, "errors/deployment-not-found.json"));
        server.enqueue(FIXTURES.json("chat/completion.json"));
        server.enqueue(FIXTURES.json(404, "errors/deployment-not-found.json"));

        try (FineTuneClient client = client(Clock.systemUTC());
             AzureDeployments deployments = deployments()) {
            FineTunedModel model = deployments.model(client, deployment()).withSystemPrompt("System");

            String answer = assertTimeoutPreemptively(BUDGET, () -> model.chat("Ich will meinen T-1000 mit Pril "
                    + "reinigen. Geht das?"));

            assertThat(answer).startsWith("Bitte verwenden Sie kein Pril.");
            assertThat(model.name()).isEqualTo("t1000");
            assertThatThrownBy(() -> model.chat("Noch eine Frage")).isInstanceOf(NotFoundException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
        RecordedRequest first = server.takeRequest(1, SECONDS);
        assertThat(Fixtures.parse(first.getBody().utf8()).get("model").asText()).isEqualTo("t1000");
    }

    @Test
    void otherNotFoundErrorsAreNotRetried() {
        server.enqueue(FIXTURES.jsonBody(404,
                "{\"error\":{\"code\":\"NotFound\",\"message\":\"Resource not found\"}}"));

        try (FineTuneClient client = client(Clock.systemUTC());
             AzureDeployments deployments = deployments()) {
            FineTunedModel model = deployments.model(client, deployment());

            assertThatThrownBy(() -> model.chat("Hallo?")).isInstanceOf(NotFoundException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private AzureDeployments deployments() {
        return AzureDeployments.builder().subscriptionId("s").resourceGroup("g").accountName("a")
                .credential(r -> AccessToken.of("t", Instant.now().plusSeconds(3600)))
                .armEndpoint(server.url("/").uri()).deploymentNotFoundRetry(Duration.ofSeconds(5), Duration.ofMillis(1))
                .build();
    }

    private static Deployment deployment() {
        return Deployment.builder().name("t1000").id("/subscriptions/s/deployments/t1000")
                .state(ProvisioningState.SUCCEEDED).sku(DeploymentSku.STANDARD).model("ft-model").build();
    }
}
