package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Wire forms of chat completions (the OpenAI shape; Azure adds content-filter fields, which are ignored). */
final class ChatDtos {
    private ChatDtos() {
    }

    /** The request; {@code model} is the deployment on v1 and absent on the dated route. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(@JsonProperty("model") String model,
                   @JsonProperty("messages") List<Message> messages,
                   @JsonProperty("temperature") Double temperature,
                   @JsonProperty("max_tokens") Integer maxTokens) {
    }

    /** One message, in a request or an answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@JsonProperty("role") String role,
                   @JsonProperty("content") String content,
                   @JsonProperty("name") String name,
                   @JsonProperty("tool_calls") List<ToolCall> toolCalls,
                   @JsonProperty("tool_call_id") String toolCallId,
                   @JsonProperty("refusal") String refusal) {
    }

    /** A tool call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolCall(@JsonProperty("id") String id,
                    @JsonProperty("type") String type,
                    @JsonProperty("function") Function function) {
    }

    /** The function of a tool call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Function(@JsonProperty("name") String name,
                    @JsonProperty("arguments") String arguments) {
    }

    /** The answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Completion(@JsonProperty("id") String id,
                      @JsonProperty("model") String model,
                      @JsonProperty("choices") List<Choice> choices,
                      @JsonProperty("usage") Usage usage) {
    }

    /** One choice of an answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(@JsonProperty("index") Integer index,
                  @JsonProperty("message") Message message,
                  @JsonProperty("finish_reason") String finishReason) {
    }

    /** Token usage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(@JsonProperty("prompt_tokens") Long promptTokens,
                 @JsonProperty("completion_tokens") Long completionTokens,
                 @JsonProperty("total_tokens") Long totalTokens) {
    }
}
