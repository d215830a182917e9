package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of one completion choice.
 *
 * @param index the choice's position
 * @param message the answer
 * @param finishReason why generation stopped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChoiceDto(@JsonProperty("index") Integer index,
                        @JsonProperty("message") ChatMessageDto message,
                        @JsonProperty("finish_reason") String finishReason) {
}
