package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.azure.support.RecordingCredential;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchRequestCounts;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Azure global batch API: always the dated route, OpenAI-shaped batch objects and lines. */
class AzureBatchesTest {
    private static final BatchId BATCH = BatchId.of("batch_2c5b7e1a-8d3f-4a6b-9c0e-1f2a3b4c5d6e");
    private static final FileId INPUT = FileId.of("file-4b1c2d3e4f5a60718293a4b5c6d7e8f0");
    private static final String BATCH_PATH = "/openai/batches/batch_2c5b7e1a-8d3f-4a6b-9c0e-1f2a3b4c5d6e";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    private BatchSupport v1() {
        return providers.v1(server).feature(BatchSupport.class).orElseThrow();
    }

    private static BatchCreation creation(Map<String, String> metadata) {
        return new BatchCreation(INPUT, "24h", metadata);
    }

    @Test
    void createBatchOnAV1ClientPostsToTheDatedRouteWithTheDefaultApiVersion() throws Exception {
        server.enqueue(FIXTURES.json("batches/create-validating.json"));

        BatchSnapshot created = v1().createBatch(creation(Map.of("run", "eval-1")));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/batches");
        assertThat(request.getUrl().query()).isEqualTo("api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(TestProviders.KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("batches/create-request.json"));
        assertThat(created.id()).isEqualTo(BATCH);
        assertThat(created.status()).isEqualTo(BatchStatus.VALIDATING);
        assertThat(created.rawStatus()).isEqualTo("validating");
        assertThat(created.inputFileId()).isEqualTo(INPUT);
        assertThat(created.outputFileId()).isEmpty();
        assertThat(created.errorFileId()).isEmpty();
        assertThat(created.finishedAt()).isEmpty();
        assertThat(created.requestCounts()).isEqualTo(BatchRequestCounts.none());
        assertThat(created.metadata()).containsExactly(Map.entry("run", "eval-1"));
    }

    @Test
    void createBatchIsNotRepeatedByTheTransportAndLeavesEmptyMetadataOut() throws Exception {
        server.enqueue(FIXTURES.json("batches/create-validating.json"));

        v1().createBatch(creation(Map.of()));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(Fixtures.parse("{\"input_file_id\":"
                + "\"file-4b1c2d3e4f5a60718293a4b5c6d7e8f0\",\"endpoint\":\"/chat/completions\","
                + "\"completion_window\":\"24h\"}"));
        assertThat(providers.calls()).singleElement()
                .satisfies(call -> assertThat(call.retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT));
    }

    @Test
    void aDatedClientSendsItsConfiguredApiVersion() throws Exception {
        server.enqueue(FIXTURES.json("batches/create-validating.json"));
        FineTuneProvider provider = providers.provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/").uri()).apiKey(TestProviders.KEY).apiVersion("2025-04-01-preview").build());

        provider.feature(BatchSupport.class).orElseThrow().createBatch(creation(Map.of("run", "eval-1")));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/batches");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2025-04-01-preview");
    }

    @Test
    void getBatchReadsTheDatedRouteAndMapsFilesCountsAndTimes() throws Exception {
        server.enqueue(FIXTURES.json("batches/get-completed.json"));

        BatchSnapshot batch = v1().getBatch(BATCH);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo(BATCH_PATH);
        assertThat(request.getUrl().query()).isEqualTo("api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(TestProviders.KEY);
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.isTerminal()).isTrue();
        assertThat(batch.outputFileId()).contains(FileId.of("file-8e7d6c5b4a39281706f5e4d3c2b1a0f9"));
        assertThat(batch.errorFileId()).contains(FileId.of("file-0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
        assertThat(batch.requestCounts()).isEqualTo(new BatchRequestCounts(3, 2, 1));
        assertThat(batch.createdAt()).isEqualTo(Instant.ofEpochSecond(1764237600));
        assertThat(batch.finishedAt()).contains(Instant.ofEpochSecond(1764241260));
        assertThat(batch.errors()).isEmpty();
    }

    @Test
    void anInProgressBatchHasCountsButNoFilesAndNoFinishTime() {
        server.enqueue(FIXTURES.json("batches/get-in-progress.json"));

        BatchSnapshot batch = v1().getBatch(BATCH);

        assertThat(batch.status()).isEqualTo(BatchStatus.IN_PROGRESS);
        assertThat(batch.isTerminal()).isFalse();
        assertThat(batch.requestCounts()).isEqualTo(new BatchRequestCounts(3, 1, 0));
        assertThat(batch.outputFileId()).isEmpty();
        assertThat(batch.finishedAt()).isEmpty();
    }

    @Test
    void aFailedBatchKeepsItsErrorsWithLineNumbers() {
        server.enqueue(FIXTURES.json("batches/get-failed.json"));

        BatchSnapshot batch = v1().getBatch(BATCH);

        assertThat(batch.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(batch.finishedAt()).contains(Instant.ofEpochSecond(1764237700));
        assertThat(batch.errors()).containsExactly(
                new BatchError("invalid_request", "line 2: The 'model' parameter must be a global batch deployment."),
                new BatchError("empty_file", ""));
    }

    @ParameterizedTest
    @CsvSource({"validating, VALIDATING, false", "failed, FAILED, true", "in_progress, IN_PROGRESS, false",
            "finalizing, FINALIZING, false", "completed, COMPLETED, true", "expired, EXPIRED, true",
            "cancelling, CANCELLING, false", "cancelled, CANCELLED, true", "paused_for_capacity, UNKNOWN, false"})
    void statusesMapOntoTheCoreEnumAndKeepTheRawWord(String raw, BatchStatus expected, boolean terminal) {
        server.enqueue(FIXTURES.jsonBody(200, FIXTURES.text("batches/get-in-progress.json")
                .replace("\"in_progress\"", "\"" + raw + "\"")));

        BatchSnapshot batch = v1().getBatch(BATCH);

        assertThat(batch.status()).isEqualTo(expected);
        assertThat(batch.rawStatus()).isEqualTo(raw);
        assertThat(batch.isTerminal()).isEqualTo(terminal);
    }

    @Test
    void cancelBatchPostsToTheDatedCancelRoute() throws Exception {
        server.enqueue(FIXTURES.json("batches/cancel-cancelling.json"));

        BatchSnapshot batch = v1().cancelBatch(BATCH);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(BATCH_PATH + "/cancel");
        assertThat(request.getUrl().query()).isEqualTo("api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(TestProviders.KEY);
        assertThat(request.getBodySize()).isZero();
        assertThat(batch.status()).isEqualTo(BatchStatus.CANCELLING);
        assertThat(batch.isTerminal()).isFalse();
    }

    @Test
    void entraAuthenticationSendsABearerTokenToTheBatchRoute() throws Exception {
        server.enqueue(FIXTURES.json("batches/get-in-progress.json"));
        FineTuneProvider provider = providers.provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/").uri()).credential(new RecordingCredential()).build());

        provider.feature(BatchSupport.class).orElseThrow().getBatch(BATCH);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + RecordingCredential.tokenFor(TokenRequest.COGNITIVE_SERVICES_SCOPE));
        assertThat(request.getHeaders().get("api-key")).isNull();
    }

    @Test
    void errorStatusesUseTheProvidersErrorMapping() {
        server.enqueue(FIXTURES.json(401, "errors/unauthorized.json"));

        assertThatThrownBy(() -> v1().getBatch(BATCH)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.requestId()).contains(TestProviders.REQUEST_ID);
            assertThat(e.getMessage()).doesNotContain(TestProviders.KEY);
        });
    }

    @Test
    void aMalformedBatchObjectIsAResponseFormatErrorWithTheRequestId() {
        server.enqueue(FIXTURES.jsonBody(200, "{\"id\":\"batch_x\",\"status\":\"completed\"}"));

        assertThatThrownBy(() -> v1().getBatch(BATCH)).isInstanceOfSatisfying(ResponseFormatException.class, e -> {
            assertThat(e.getMessage()).contains("input_file_id");
            assertThat(e.requestId()).contains(TestProviders.REQUEST_ID);
        });
    }

    @Test
    void inputLinesCarryTheDeploymentAsModelOnBothRoutes() {
        ChatRequest chat = ChatRequest.builder().model("gpt-4o-mini-batch")
                .addMessage(Message.system("Du bist der T-1000-Kundenservice."))
                .addMessage(Message.user("Darf ich meinen T-1000 mit Pril reinigen?"))
                .temperature(0.0).maxTokens(64).build();

        String fromV1 = v1().batchInputLine("q1", chat);
        String fromDated = providers.dated(server).feature(BatchSupport.class).orElseThrow().batchInputLine("q1", chat);

        assertThat(fromV1).doesNotContain("\n");
        assertThat(Fixtures.parse(fromV1)).isEqualTo(FIXTURES.tree("batches/input-line.json"));
        assertThat(Fixtures.parse(fromDated)).isEqualTo(FIXTURES.tree("batches/input-line.json"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSuccessfulOutputLineBecomesAResponse() {
        String line = FIXTURES.text("batches/output.jsonl").lines().findFirst().orElseThrow();

        BatchChatRow row = v1().batchOutputLine(line);

        assertThat(row.customId()).isEqualTo("q1");
        assertThat(row.isSuccess()).isTrue();
        ChatResponse response = row.response().orElseThrow();
        assertThat(response.id()).isEqualTo("chatcmpl-AzBq1");
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.text()).isEqualTo("Bitte nicht! Pril kann die Dichtungen beschädigen.");
        assertThat(response.finishReason()).contains("stop");
        assertThat(response.usage().orElseThrow().totalTokens()).isEqualTo(28);
    }

    @Test
    void aClientErrorLineBecomesARowErrorWithTheBodysCode() {
        String line = FIXTURES.text("batches/errors.jsonl").lines().findFirst().orElseThrow();

        BatchChatRow row = v1().batchOutputLine(line);

        assertThat(row.customId()).isEqualTo("q2");
        assertThat(row.response()).isEmpty();
        assertThat(row.error()).contains(new BatchError("content_filter", "HTTP 400: The response was filtered due "
                + "to the prompt triggering Azure OpenAI's content management policy."));
    }

    @Test
    void aServerErrorLineWithoutAnErrorBodyIsNamedAfterItsStatus() {
        BatchChatRow row = v1().batchOutputLine("{\"custom_id\":\"q5\",\"response\":{\"status_code\":500,"
                + "\"request_id\":\"r5\",\"body\":{}},\"error\":null}");

        assertThat(row.error()).contains(new BatchError("http_500", "HTTP 500"));
    }

    @Test
    void anErrorObjectWithoutResponseBecomesARowError() {
        BatchChatRow row = v1().batchOutputLine(FIXTURES.text("batches/error-line-no-response.json").strip());

        assertThat(row.customId()).isEqualTo("q4");
        assertThat(row.error()).contains(new BatchError("batch_expired",
                "This request could not be executed before the completion window expired."));
    }

    @Test
    void unreadableOutputLinesAreResponseFormatErrors() {
        BatchSupport batches = v1();

        assertThatThrownBy(() -> batches.batchOutputLine("{\"response\":{\"status_code\":200,\"body\":{}}}"))
                .isInstanceOfSatisfying(ResponseFormatException.class, e -> {
                    assertThat(e.getMessage()).contains("custom_id");
                    assertThat(e.provider()).contains("azure-openai");
                });
        assertThatThrownBy(() -> batches.batchOutputLine("not json"))
                .isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> batches.batchOutputLine("{\"custom_id\":\"q1\",\"response\":{\"status_code\":200,"
                + "\"body\":{\"id\":\"chatcmpl-1\",\"choices\":[]}}}"))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("choices");
    }
}
