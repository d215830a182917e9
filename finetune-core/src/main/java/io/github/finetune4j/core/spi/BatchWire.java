package io.github.finetune4j.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchRequestCounts;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.FileId;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The JSON of OpenAI's Batch API, which Azure OpenAI speaks too: the create body, the batch object, and the lines
 * of the input, output and error files. Providers plug in only their chat completion mapping. Thread-safe.
 *
 * <pre>{@code
 * BatchWire wire = new BatchWire(context.objectMapper(), "openai");
 * String line = wire.inputLine("row-1", "/v1/chat/completions", chatBodyDto);
 * BatchChatRow row = wire.outputLine(outputLine, body -> ChatMapper.fromWire(body));
 * }</pre>
 */
public final class BatchWire {
    /** Reads the {@code response.body} of a successful output line. */
    @FunctionalInterface
    public interface CompletionReader {
        /**
         * Maps one chat completion body.
         *
         * @param body the JSON body
         * @return the answer
         * @throws IOException if the body does not have the expected shape
         */
        ChatResponse read(JsonNode body) throws IOException;
    }

    private final ObjectMapper mapper;
    private final String providerId;

    /**
     * Creates the codec.
     *
     * @param mapper the provider's JSON mapper
     * @param providerId the provider id, for error messages
     */
    public BatchWire(ObjectMapper mapper, String providerId) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    /**
     * The body of a create request.
     *
     * @param creation the batch to create
     * @param endpoint the endpoint every line calls, for example {@code /v1/chat/completions}
     * @return the JSON body; metadata is left out when empty
     */
    public byte[] createBody(BatchCreation creation, String endpoint) {
        ObjectNode body = mapper.createObjectNode();
        body.put("input_file_id", creation.inputFileId().value());
        body.put("endpoint", endpoint);
        body.put("completion_window", creation.completionWindow());
        if (!creation.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject("metadata");
            creation.metadata().forEach(metadata::put);
        }
        return write(body);
    }

    /**
     * Renders one input line.
     *
     * @param customId the row's id
     * @param url the endpoint the line calls
     * @param body the provider's chat completion request (a DTO or a JSON tree)
     * @return the JSON line, without newline
     */
    public String inputLine(String customId, String url, Object body) {
        ObjectNode line = mapper.createObjectNode();
        line.put("custom_id", Objects.requireNonNull(customId, "customId"));
        line.put("method", "POST");
        line.put("url", url);
        line.set("body", mapper.valueToTree(body));
        return new String(write(line), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads a batch object.
     *
     * @param result the 2xx response
     * @return the snapshot
     * @throws ResponseFormatException if the body is not a batch
     */
    public BatchSnapshot batch(HttpResult result) {
        String requestId = result.header("x-request-id").or(() -> result.header("apim-request-id")).orElse(null);
        try {
            JsonNode json = mapper.readTree(result.body());
            String status = text(json, "status");
            BatchSnapshot.Builder b = BatchSnapshot.builder()
                    .id(BatchId.of(required(json, "id")))
                    .status(BatchStatus.parse(status), status == null ? "" : status)
                    .inputFileId(FileId.of(required(json, "input_file_id")))
                    .createdAt(Instant.ofEpochSecond(requiredLong(json, "created_at")));
            optionalText(json, "output_file_id").ifPresent(id -> b.outputFileId(FileId.of(id)));
            optionalText(json, "error_file_id").ifPresent(id -> b.errorFileId(FileId.of(id)));
            JsonNode counts = json.path("request_counts");
            if (counts.isObject()) {
                b.requestCounts(new BatchRequestCounts(counts.path("total").asLong(), counts.path("completed").asLong(),
                        counts.path("failed").asLong()));
            }
            for (JsonNode error : json.path("errors").path("data")) {
                b.addError(error(error, "batch_error"));
            }
            for (String finished : new String[] {"completed_at", "failed_at", "expired_at", "cancelled_at"}) {
                if (json.path(finished).isNumber()) {
                    b.finishedAt(Instant.ofEpochSecond(json.path(finished).asLong()));
                    break;
                }
            }
            json.path("metadata").fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    b.putMetadata(e.getKey(), e.getValue().asText());
                }
            });
            if (status == null) {
                throw new IOException("missing status");
            }
            return b.build();
        } catch (IOException | RuntimeException e) {
            throw new ResponseFormatException(providerId + ": unreadable batch object: " + e.getMessage(), e,
                    providerId, requestId);
        }
    }

    /**
     * Parses one line of an output or error file.
     *
     * @param line the JSON line
     * @param completions maps a successful response body
     * @return the row: the answer, or the provider's error for this request
     * @throws ResponseFormatException if the line cannot be read
     */
    public BatchChatRow outputLine(String line, CompletionReader completions) {
        try {
            JsonNode json = mapper.readTree(line);
            String customId = required(json, "custom_id");
            JsonNode response = json.path("response");
            int status = response.path("status_code").asInt(0);
            boolean success = status >= 200 && status < 300;
            if (json.path("error").isObject() && !success) {
                return BatchChatRow.failed(customId, error(json.path("error"), "request_failed"));
            }
            if (!response.isObject() || status == 0) {
                throw new IOException("missing response.status_code");
            }
            if (!success) {
                return BatchChatRow.failed(customId, httpError(status, response.path("body")));
            }
            if (!response.path("body").isObject()) {
                throw new IOException("missing response.body");
            }
            return BatchChatRow.succeeded(customId, completions.read(response.path("body")));
        } catch (IOException | RuntimeException e) {
            throw new ResponseFormatException("unreadable batch output line from " + providerId + ": "
                    + e.getMessage(), e, providerId, null);
        }
    }

    private static BatchError error(JsonNode e, String fallbackCode) {
        String code = e.path("code").isTextual() && !e.path("code").asText().isBlank() ? e.path("code").asText()
                : fallbackCode;
        String message = e.path("message").isTextual() ? e.path("message").asText() : "";
        return new BatchError(code, e.path("line").isNumber() ? "line " + e.path("line").asInt() + ": " + message
                : message);
    }

    /** An error status: the body's {@code error.code} and {@code error.message} when present. */
    private static BatchError httpError(int status, JsonNode body) {
        JsonNode error = body.path("error");
        String code = error.path("code").isTextual() ? error.path("code").asText() : "http_" + status;
        String message = error.path("message").isTextual() ? error.path("message").asText() : "";
        return new BatchError(code, "HTTP " + status + (message.isEmpty() ? "" : ": " + message));
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static java.util.Optional<String> optionalText(JsonNode json, String field) {
        return java.util.Optional.ofNullable(text(json, field)).filter(s -> !s.isBlank());
    }

    private static String required(JsonNode json, String field) throws IOException {
        String v = text(json, field);
        if (v == null || v.isBlank()) {
            throw new IOException("missing " + field);
        }
        return v;
    }

    private static long requiredLong(JsonNode json, String field) throws IOException {
        if (!json.path(field).isNumber()) {
            throw new IOException("missing " + field);
        }
        return json.path(field).asLong();
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("batch JSON cannot be written: " + e.getOriginalMessage(), e);
        }
    }
}
