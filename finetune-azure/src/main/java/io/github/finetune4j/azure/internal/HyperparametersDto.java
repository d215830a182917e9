package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wire form of hyperparameters: numbers on the dated route ({@code -1} meaning "chosen by the service"), numbers or
 * {@code "auto"} on v1.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HyperparametersDto(@JsonProperty("n_epochs") JsonNode nEpochs,
                          @JsonProperty("batch_size") JsonNode batchSize,
                          @JsonProperty("learning_rate_multiplier") JsonNode learningRateMultiplier,
                          @JsonProperty("beta") JsonNode beta) {
}
