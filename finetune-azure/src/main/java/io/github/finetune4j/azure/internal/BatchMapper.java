package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchRequestCounts;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.FileId;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Translates Azure batches and batch lines. Input lines always carry the deployment as {@code model}, whatever route
 * the client uses, because the line is addressed to the global batch deployment. Thread-safe.
 */
final class BatchMapper {
    /** The endpoint every batch line calls, in the batch's {@code endpoint} and in each line's {@code url}. */
    static final String ENDPOINT = "/chat/completions";

    private final ObjectMapper mapper;
    private final String providerId;

    BatchMapper(ObjectMapper mapper, String providerId) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    String inputLine(String customId, ChatRequest request) {
        Objects.requireNonNull(customId, "customId");
        Objects.requireNonNull(request, "request");
        try {
            return mapper.writeValueAsString(new BatchDtos.InputLine(customId, "POST", ENDPOINT,
                    ChatMapper.toWire(request, true)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("batch line cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A 2xx response becomes a succeeded row; an error status (with the body's {@code error.code}) or an
     * {@code error} object becomes a failed row. Messages never contain prompt or answer text.
     */
    BatchChatRow outputLine(String line) {
        BatchDtos.OutputLine dto;
        try {
            dto = mapper.readValue(line, BatchDtos.OutputLine.class);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            String customId = Wire.requireText(Wire.require(dto, "line").customId(), "custom_id");
            BatchDtos.Response response = dto.response();
            if (dto.error() != null && (response == null || !isSuccess(response))) {
                return BatchChatRow.failed(customId, error(dto.error(), "request_failed"));
            }
            Wire.require(response, "response");
            int status = Wire.require(response.statusCode(), "response.status_code");
            if (!isSuccess(response)) {
                return BatchChatRow.failed(customId, httpError(status, response.body()));
            }
            JsonNode body = Wire.require(response.body(), "response.body");
            ChatDtos.Completion completion = mapper.treeToValue(body, ChatDtos.Completion.class);
            return BatchChatRow.succeeded(customId, ChatMapper.fromWire(completion, ""));
        } catch (JsonProcessingException e) {
            throw malformed("response.body is not a chat completion (" + e.getClass().getSimpleName() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    static BatchSnapshot fromWire(BatchDtos.Batch dto) {
        Wire.require(dto, "batch");
        String raw = Wire.requireText(dto.status(), "status");
        BatchSnapshot.Builder b = BatchSnapshot.builder()
                .id(BatchId.of(Wire.requireText(dto.id(), "id")))
                .status(BatchStatus.parse(raw), raw)
                .inputFileId(FileId.of(Wire.requireText(dto.inputFileId(), "input_file_id")))
                .createdAt(Wire.instant(dto.createdAt(), "created_at"));
        if (dto.outputFileId() != null && !dto.outputFileId().isBlank()) {
            b.outputFileId(FileId.of(dto.outputFileId()));
        }
        if (dto.errorFileId() != null && !dto.errorFileId().isBlank()) {
            b.errorFileId(FileId.of(dto.errorFileId()));
        }
        BatchDtos.Counts c = dto.requestCounts();
        if (c != null) {
            b.requestCounts(new BatchRequestCounts(orZero(c.total()), orZero(c.completed()), orZero(c.failed())));
        }
        if (dto.errors() != null && dto.errors().data() != null) {
            dto.errors().data().stream().filter(Objects::nonNull).map(e -> error(e, "batch_error"))
                    .forEach(b::addError);
        }
        Stream.of(dto.completedAt(), dto.failedAt(), dto.expiredAt(), dto.cancelledAt())
                .map(Wire::optionalInstant).flatMap(Optional::stream).findFirst().ifPresent(b::finishedAt);
        if (dto.metadata() != null) {
            dto.metadata().forEach((k, v) -> {
                if (k != null && v != null) {
                    b.putMetadata(k, v);
                }
            });
        }
        return b.build();
    }

    private static boolean isSuccess(BatchDtos.Response response) {
        return response.statusCode() != null && response.statusCode() >= 200 && response.statusCode() < 300;
    }

    private static BatchError error(BatchDtos.Error e, String fallbackCode) {
        String code = e.code() == null || e.code().isBlank() ? fallbackCode : e.code();
        String message = e.message() == null ? "" : e.message();
        return new BatchError(code, e.line() == null ? message : "line " + e.line() + ": " + message);
    }

    /** An error status: the body's {@code error.code} and {@code error.message} when present. */
    private static BatchError httpError(int status, JsonNode body) {
        JsonNode error = body == null ? null : body.path("error");
        String code = error != null && error.path("code").isTextual() && !error.path("code").asText().isBlank()
                ? error.path("code").asText() : "http_" + status;
        String message = error != null && error.path("message").isTextual() ? error.path("message").asText() : "";
        return new BatchError(code, "HTTP " + status + (message.isEmpty() ? "" : ": " + message));
    }

    private ResponseFormatException malformed(String detail, Throwable cause) {
        return new ResponseFormatException("Azure OpenAI returned an unreadable batch output line: " + detail, cause,
                providerId, null);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
