package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Wire form of a chat message, in requests and in completion choices.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, null for an assistant message that only calls tools
 * @param name the participant name
 * @param toolCalls the function calls of an assistant message
 * @param toolCallId the call a tool message answers
 * @param refusal the refusal text of an answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatMessageDto(@JsonProperty("role") String role,
                             @JsonProperty("content") String content,
                             @JsonProperty("name") String name,
                             @JsonProperty("tool_calls") List<ToolCallDto> toolCalls,
                             @JsonProperty("tool_call_id") String toolCallId,
                             @JsonProperty("refusal") String refusal) {
}
