package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a completion's token usage.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens in the answer
 * @param totalTokens both together
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record UsageDto(@JsonProperty("prompt_tokens") Long promptTokens,
                       @JsonProperty("completion_tokens") Long completionTokens,
                       @JsonProperty("total_tokens") Long totalTokens) {
}
