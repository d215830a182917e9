package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * Wire form of a fine-tuning job ({@code object: "fine_tuning.job"}).
 *
 * @param id the job id
 * @param createdAt Unix seconds
 * @param model the base model
 * @param status the status word
 * @param fineTunedModel the resulting model, null until succeeded
 * @param finishedAt Unix seconds, null while running
 * @param estimatedFinish Unix seconds, null or 0 when unknown
 * @param trainingFile the training file id
 * @param validationFile the validation file id
 * @param resultFiles the result file ids
 * @param trainedTokens the billable tokens
 * @param seed the seed
 * @param error the error, may be null or all-null
 * @param hyperparameters deprecated top-level hyperparameters (supervised only)
 * @param method the method with its hyperparameters
 * @param metadata the metadata
 * @param userProvidedSuffix the suffix (undeclared in OpenAI's spec, seen in responses)
 * @param suffix the suffix (Azure)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JobDto(@JsonProperty("id") String id,
                     @JsonProperty("created_at") Long createdAt,
                     @JsonProperty("model") String model,
                     @JsonProperty("status") String status,
                     @JsonProperty("fine_tuned_model") String fineTunedModel,
                     @JsonProperty("finished_at") Long finishedAt,
                     @JsonProperty("estimated_finish") Long estimatedFinish,
                     @JsonProperty("training_file") String trainingFile,
                     @JsonProperty("validation_file") String validationFile,
                     @JsonProperty("result_files") List<String> resultFiles,
                     @JsonProperty("trained_tokens") Long trainedTokens,
                     @JsonProperty("seed") Long seed,
                     @JsonProperty("error") JobErrorDto error,
                     @JsonProperty("hyperparameters") HyperparametersDto hyperparameters,
                     @JsonProperty("method") MethodDto method,
                     @JsonProperty("metadata") Map<String, String> metadata,
                     @JsonProperty("user_provided_suffix") String userProvidedSuffix,
                     @JsonProperty("suffix") String suffix) {
}
