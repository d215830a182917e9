package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * Wire form of the create-job request body; null members and empty metadata are left out.
 *
 * @param model the base model
 * @param trainingFile the training file id
 * @param validationFile the validation file id
 * @param suffix the model-name suffix
 * @param seed the seed
 * @param metadata the metadata (holds the client's idempotency key)
 * @param method the method and hyperparameters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateJobDto(@JsonProperty("model") String model,
                           @JsonProperty("training_file") String trainingFile,
                           @JsonProperty("validation_file") String validationFile,
                           @JsonProperty("suffix") String suffix,
                           @JsonProperty("seed") Long seed,
                           @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                           Map<String, String> metadata,
                           @JsonProperty("method") MethodDto method) {
}
