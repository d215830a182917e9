package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Wire form of a job ({@code FineTuningJob}); {@code organisation_id} / {@code organization_id} are ignored, and
 * {@code method} and {@code metadata} appear only on v1 and previews.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JobDto(@JsonProperty("id") String id,
              @JsonProperty("object") String object,
              @JsonProperty("status") String status,
              @JsonProperty("model") String model,
              @JsonProperty("fine_tuned_model") String fineTunedModel,
              @JsonProperty("training_file") String trainingFile,
              @JsonProperty("validation_file") String validationFile,
              @JsonProperty("result_files") List<String> resultFiles,
              @JsonProperty("created_at") Long createdAt,
              @JsonProperty("finished_at") Long finishedAt,
              @JsonProperty("estimated_finish") Long estimatedFinish,
              @JsonProperty("trained_tokens") Long trainedTokens,
              @JsonProperty("error") JobErrorDto error,
              @JsonProperty("hyperparameters") HyperparametersDto hyperparameters,
              @JsonProperty("suffix") String suffix,
              @JsonProperty("seed") Long seed,
              @JsonProperty("method") JsonNode method,
              @JsonProperty("metadata") Map<String, String> metadata) {
}
