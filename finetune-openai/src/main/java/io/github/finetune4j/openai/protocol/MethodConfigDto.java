package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of one method's settings ({@code method.supervised}, {@code method.dpo}).
 *
 * @param hyperparameters the hyperparameters, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record MethodConfigDto(@JsonProperty("hyperparameters") HyperparametersDto hyperparameters) {
}
