package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** Wire form of a checkpoint ({@code FineTuningJobCheckpoint}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record CheckpointDto(@JsonProperty("id") String id,
                     @JsonProperty("created_at") Long createdAt,
                     @JsonProperty("fine_tuned_model_checkpoint") String fineTunedModelCheckpoint,
                     @JsonProperty("step_number") Long stepNumber,
                     @JsonProperty("metrics") Map<String, Double> metrics,
                     @JsonProperty("fine_tuning_job_id") String fineTuningJobId) {
}
