package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Wire form of a chat completion request.
 *
 * @param model the model
 * @param messages the conversation
 * @param temperature the sampling temperature
 * @param maxTokens the most tokens to generate
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatRequestDto(@JsonProperty("model") String model,
                             @JsonProperty("messages") List<ChatMessageDto> messages,
                             @JsonProperty("temperature") Double temperature,
                             @JsonProperty("max_tokens") Integer maxTokens) {
}
