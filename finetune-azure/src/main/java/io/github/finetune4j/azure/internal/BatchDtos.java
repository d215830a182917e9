package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Wire forms of the Azure OpenAI global batch API ({@code /openai/batches}, dated route only) and of batch input and
 * output lines. The shapes are OpenAI's; the line {@code url} is {@code /chat/completions} without {@code /v1}.
 */
final class BatchDtos {
    private BatchDtos() {
    }

    /** Body of {@code POST /batches}; {@code metadata} is left out when null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateBody(@JsonProperty("input_file_id") String inputFileId,
                      @JsonProperty("endpoint") String endpoint,
                      @JsonProperty("completion_window") String completionWindow,
                      @JsonProperty("metadata") Map<String, String> metadata) {
    }

    /** A batch object ({@code object: "batch"}); times are Unix seconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Batch(@JsonProperty("id") String id,
                 @JsonProperty("status") String status,
                 @JsonProperty("input_file_id") String inputFileId,
                 @JsonProperty("output_file_id") String outputFileId,
                 @JsonProperty("error_file_id") String errorFileId,
                 @JsonProperty("errors") Errors errors,
                 @JsonProperty("request_counts") Counts requestCounts,
                 @JsonProperty("created_at") Long createdAt,
                 @JsonProperty("completed_at") Long completedAt,
                 @JsonProperty("failed_at") Long failedAt,
                 @JsonProperty("expired_at") Long expiredAt,
                 @JsonProperty("cancelled_at") Long cancelledAt,
                 @JsonProperty("metadata") Map<String, String> metadata) {
    }

    /** The {@code errors} list of a batch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Errors(@JsonProperty("data") List<Error> data) {
    }

    /** One error: batch-level (with a 1-based input {@code line}) or of one output line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@JsonProperty("code") String code,
                 @JsonProperty("message") String message,
                 @JsonProperty("param") String param,
                 @JsonProperty("line") Integer line) {
    }

    /** The {@code request_counts} of a batch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(@JsonProperty("total") Long total,
                  @JsonProperty("completed") Long completed,
                  @JsonProperty("failed") Long failed) {
    }

    /** One line of a batch input file; the body's {@code model} is the global batch deployment. */
    record InputLine(@JsonProperty("custom_id") String customId,
                     @JsonProperty("method") String method,
                     @JsonProperty("url") String url,
                     @JsonProperty("body") ChatDtos.Request body) {
    }

    /** One line of a batch output or error file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OutputLine(@JsonProperty("custom_id") String customId,
                      @JsonProperty("response") Response response,
                      @JsonProperty("error") Error error) {
    }

    /** The response of one batch request: a chat completion, or an {@code error} envelope. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(@JsonProperty("status_code") Integer statusCode,
                    @JsonProperty("request_id") String requestId,
                    @JsonProperty("body") JsonNode body) {
    }
}
