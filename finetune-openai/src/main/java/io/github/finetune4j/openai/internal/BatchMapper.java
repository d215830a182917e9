package io.github.finetune4j.openai.internal;

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
import java.util.stream.Stream;

/** Translates batches and batch lines. */
public final class BatchMapper {
    private final ObjectMapper mapper;
    private final String providerId;
    private final String lineUrl;

    /**
     * Creates a mapper.
     *
     * @param mapper the JSON mapper
     * @param providerId the provider id, for errors
     * @param lineUrl the {@code url} of every input line, for example {@code /v1/chat/completions}
     */
    public BatchMapper(ObjectMapper mapper, String providerId, String lineUrl) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.lineUrl = Objects.requireNonNull(lineUrl, "lineUrl");
    }

    /**
     * Renders one input line.
     *
     * @param customId the id
     * @param request the chat completion
     * @return the JSON line
     */
    public String inputLine(String customId, ChatRequest request) {
        try {
            return mapper.writeValueAsString(new BatchDtos.InputLine(customId, "POST", lineUrl,
                    ChatMapper.toWire(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("batch line cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses one output or error line.
     *
     * @param line the JSON line
     * @return the row
     * @throws ResponseFormatException if the line cannot be read
     */
    public BatchChatRow outputLine(String line) {
        BatchDtos.OutputLine dto;
        try {
            dto = mapper.readValue(line, BatchDtos.OutputLine.class);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            String customId = WireFormatException.requireText(dto.customId(), "custom_id");
            BatchDtos.Response response = dto.response();
            if (dto.error() != null && (response == null || !isSuccess(response))) {
                return BatchChatRow.failed(customId, error(dto.error(), "request_failed"));
            }
            WireFormatException.require(response, "response");
            int status = WireFormatException.require(response.statusCode(), "response.status_code");
            if (!isSuccess(response)) {
                return BatchChatRow.failed(customId, httpError(status, response.body()));
            }
            ChatCompletionDto completion = mapper.treeToValue(WireFormatException.require(response.body(),
                    "response.body"), ChatCompletionDto.class);
            return BatchChatRow.succeeded(customId, ChatMapper.fromWire(completion));
        } catch (JsonProcessingException | WireFormatException | IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    /**
     * Maps a batch object.
     *
     * @param dto the wire form
     * @return the snapshot
     */
    public static BatchSnapshot fromWire(BatchDtos.Batch dto) {
        WireFormatException.require(dto, "batch");
        String raw = WireFormatException.requireText(dto.status(), "status");
        BatchSnapshot.Builder b = BatchSnapshot.builder()
                .id(BatchId.of(WireFormatException.requireText(dto.id(), "id")))
                .status(BatchStatus.parse(raw), raw)
                .inputFileId(FileId.of(WireFormatException.requireText(dto.inputFileId(), "input_file_id")))
                .createdAt(Times.required(dto.createdAt(), "created_at"));
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
            dto.errors().data().stream().filter(Objects::nonNull).map(e -> error(e, "batch_error")).forEach(b::addError);
        }
        Stream.of(dto.completedAt(), dto.failedAt(), dto.expiredAt(), dto.cancelledAt())
                .map(Times::optional).flatMap(java.util.Optional::stream).findFirst().ifPresent(b::finishedAt);
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
        String code = error != null && error.path("code").isTextual() ? error.path("code").asText() : "http_" + status;
        String message = error != null && error.path("message").isTextual() ? error.path("message").asText() : "";
        return new BatchError(code, "HTTP " + status + (message.isEmpty() ? "" : ": " + message));
    }

    private ResponseFormatException malformed(String detail, Throwable cause) {
        return new ResponseFormatException("unreadable batch output line from " + providerId + ": " + detail, cause,
                providerId, null);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
