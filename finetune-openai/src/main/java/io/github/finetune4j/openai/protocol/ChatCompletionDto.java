package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Wire form of a chat completion ({@code object: "chat.completion"}).
 *
 * @param id the completion id
 * @param model the model that answered
 * @param choices the answers; the first is used
 * @param usage the token counts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatCompletionDto(@JsonProperty("id") String id,
                                @JsonProperty("model") String model,
                                @JsonProperty("choices") List<ChoiceDto> choices,
                                @JsonProperty("usage") UsageDto usage) {
}
