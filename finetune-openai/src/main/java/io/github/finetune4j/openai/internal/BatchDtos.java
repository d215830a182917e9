package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** Wire forms of the Batch API ({@code /v1/batches}) and of batch input and output lines. */
public final class BatchDtos {
    private BatchDtos() {
    }

    /**
     * Body of {@code POST /batches}.
     *
     * @param inputFileId the uploaded input file
     * @param endpoint the endpoint every line calls
     * @param completionWindow the completion window
     * @param metadata metadata, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateBody(@JsonProperty("input_file_id") String inputFileId,
                             @JsonProperty("endpoint") String endpoint,
                             @JsonProperty("completion_window") String completionWindow,
                             @JsonProperty("metadata") Map<String, String> metadata) {
    }

    /**
     * A batch object ({@code object: "batch"}).
     *
     * @param id the batch id
     * @param status the status word
     * @param inputFileId the input file
     * @param outputFileId the output file, or null
     * @param errorFileId the error file, or null
     * @param errors batch-level errors, or null
     * @param requestCounts the counts, or null
     * @param createdAt Unix seconds
     * @param completedAt Unix seconds, or null
     * @param failedAt Unix seconds, or null
     * @param expiredAt Unix seconds, or null
     * @param cancelledAt Unix seconds, or null
     * @param metadata metadata, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Batch(@JsonProperty("id") String id,
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

    /**
     * The {@code errors} list of a batch.
     *
     * @param data the errors
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Errors(@JsonProperty("data") List<Error> data) {
    }

    /**
     * One error: batch-level (with a line number) or of one output line.
     *
     * @param code the code
     * @param message the explanation
     * @param line the 1-based input line, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(@JsonProperty("code") String code,
                        @JsonProperty("message") String message,
                        @JsonProperty("line") Integer line) {
    }

    /**
     * The {@code request_counts} of a batch.
     *
     * @param total requests in the input
     * @param completed requests answered
     * @param failed requests failed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(@JsonProperty("total") Long total,
                         @JsonProperty("completed") Long completed,
                         @JsonProperty("failed") Long failed) {
    }

    /**
     * One line of a batch input file.
     *
     * @param customId the id the answer comes back under
     * @param method always {@code POST}
     * @param url the endpoint path
     * @param body the chat completion request
     */
    public record InputLine(@JsonProperty("custom_id") String customId,
                            @JsonProperty("method") String method,
                            @JsonProperty("url") String url,
                            @JsonProperty("body") ChatRequestDto body) {
    }

    /**
     * One line of a batch output or error file.
     *
     * @param customId the id the request was sent with
     * @param response the HTTP response the request got, or null
     * @param error why the request could not be made, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutputLine(@JsonProperty("custom_id") String customId,
                             @JsonProperty("response") Response response,
                             @JsonProperty("error") Error error) {
    }

    /**
     * The response of one batch request.
     *
     * @param statusCode the HTTP status
     * @param requestId the request id, or null
     * @param body the response body: a chat completion, or an {@code error} envelope
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(@JsonProperty("status_code") Integer statusCode,
                           @JsonProperty("request_id") String requestId,
                           @JsonProperty("body") JsonNode body) {
    }
}
