package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchRequestCounts;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiBatchesTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    private BatchSupport batches() {
        return providers.provider(server).feature(BatchSupport.class).orElseThrow();
    }

    @Test
    void createBatchPostsInputFileEndpointWindowAndMetadata() throws Exception {
        server.enqueue(FIXTURES.json("batches/create-validating.json"));

        BatchSnapshot created = batches().createBatch(new BatchCreation(FileId.of("file-batch123"), "24h",
                Map.of("run", "eval-1")));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batches");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("batches/create-request.json"));
        assertThat(created.id()).isEqualTo(BatchId.of("batch_abc123"));
        assertThat(created.status()).isEqualTo(BatchStatus.VALIDATING);
        assertThat(created.outputFileId()).isEmpty();
        assertThat(created.metadata()).containsEntry("run", "eval-1");
    }

    @Test
    void createBatchLeavesMetadataOutWhenEmpty() throws Exception {
        server.enqueue(FIXTURES.json("batches/create-validating.json"));

        batches().createBatch(new BatchCreation(FileId.of("file-batch123"), "24h", Map.of()));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(Fixtures.parse(request.getBody().utf8()).has("metadata")).isFalse();
    }

    @Test
    void getBatchMapsCompletedBatchWithFilesCountsAndFinishTime() throws Exception {
        server.enqueue(FIXTURES.json("batches/get-completed.json"));

        BatchSnapshot batch = batches().getBatch(BatchId.of("batch_abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batches/batch_abc123");
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.isTerminal()).isTrue();
        assertThat(batch.outputFileId()).contains(FileId.of("file-out456"));
        assertThat(batch.errorFileId()).contains(FileId.of("file-err789"));
        assertThat(batch.requestCounts()).isEqualTo(new BatchRequestCounts(3, 2, 1));
        assertThat(batch.createdAt()).isEqualTo(Instant.ofEpochSecond(1764237600));
        assertThat(batch.finishedAt()).contains(Instant.ofEpochSecond(1764241260));
    }

    @Test
    void getBatchMapsFailedBatchErrorsWithLineNumbers() throws Exception {
        server.enqueue(FIXTURES.json("batches/get-failed.json"));

        BatchSnapshot batch = batches().getBatch(BatchId.of("batch_abc123"));

        assertThat(batch.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(batch.errors()).containsExactly(new BatchError("invalid_json_line",
                "line 2: This line is not parseable as valid JSON."));
    }

    @Test
    void getBatchKeepsUnknownStatusRaw() throws Exception {
        server.enqueue(FIXTURES.jsonBody(FIXTURES.text("batches/get-in-progress.json")
                .replace("\"in_progress\"", "\"paused_for_lunch\"")));

        BatchSnapshot batch = batches().getBatch(BatchId.of("batch_abc123"));

        assertThat(batch.status()).isEqualTo(BatchStatus.UNKNOWN);
        assertThat(batch.rawStatus()).isEqualTo("paused_for_lunch");
        assertThat(batch.isTerminal()).isFalse();
    }

    @Test
    void cancelBatchPostsToCancelPath() throws Exception {
        server.enqueue(FIXTURES.json("batches/cancel-cancelling.json"));

        BatchSnapshot batch = batches().cancelBatch(BatchId.of("batch_abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batches/batch_abc123/cancel");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(batch.status()).isEqualTo(BatchStatus.CANCELLING);
    }

    @Test
    void batchInputLineHasCustomIdMethodUrlAndChatBody() {
        ChatRequest chat = ChatRequest.builder().model("gpt-4o-mini-2024-07-18")
                .addMessage(Message.system("Du bist der T-1000-Kundenservice."))
                .addMessage(Message.user("Darf ich meinen T-1000 mit Pril reinigen?"))
                .temperature(0.0).maxTokens(64).build();

        String line = batches().batchInputLine("q1", chat);

        assertThat(line).doesNotContain("\n");
        assertThat(Fixtures.parse(line)).isEqualTo(FIXTURES.tree("batches/input-line.json"));
    }

    @Test
    void batchOutputLineParsesSuccessfulResponse() {
        String line = FIXTURES.text("batches/output.jsonl").lines().findFirst().orElseThrow();

        BatchChatRow row = batches().batchOutputLine(line);

        assertThat(row.customId()).isEqualTo("q1");
        assertThat(row.isSuccess()).isTrue();
        assertThat(row.response().orElseThrow().text()).isEqualTo("Bitte nicht! Pril kann die Dichtungen beschädigen.");
        assertThat(row.response().orElseThrow().usage().orElseThrow().totalTokens()).isEqualTo(28);
    }

    @Test
    void batchOutputLineTurnsErrorStatusIntoRowErrorWithBodyCode() {
        String line = FIXTURES.text("batches/errors.jsonl").lines().findFirst().orElseThrow();

        BatchChatRow row = batches().batchOutputLine(line);

        assertThat(row.customId()).isEqualTo("q2");
        assertThat(row.response()).isEmpty();
        assertThat(row.error()).contains(new BatchError("context_length_exceeded",
                "HTTP 400: This model's maximum context length is 128000 tokens."));
    }

    @Test
    void batchOutputLineTurnsErrorObjectIntoRowError() {
        BatchChatRow row = batches().batchOutputLine(FIXTURES.text("batches/error-line-no-response.json").strip());

        assertThat(row.customId()).isEqualTo("q4");
        assertThat(row.error().map(BatchError::code)).isEqualTo(Optional.of("batch_expired"));
    }

    @Test
    void batchOutputLineRejectsLineWithoutCustomId() {
        assertThatThrownBy(() -> batches().batchOutputLine("{\"response\":{\"status_code\":200,\"body\":{}}}"))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("custom_id");
    }
}
