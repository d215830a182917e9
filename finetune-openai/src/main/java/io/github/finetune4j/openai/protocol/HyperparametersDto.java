package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wire form of hyperparameters; each value is the string {@code "auto"}, a number, null or absent.
 *
 * @param nEpochs {@code n_epochs}
 * @param batchSize {@code batch_size}
 * @param learningRateMultiplier {@code learning_rate_multiplier}
 * @param beta {@code beta} (DPO only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record HyperparametersDto(@JsonProperty("n_epochs") JsonNode nEpochs,
                                 @JsonProperty("batch_size") JsonNode batchSize,
                                 @JsonProperty("learning_rate_multiplier") JsonNode learningRateMultiplier,
                                 @JsonProperty("beta") JsonNode beta) {
}
