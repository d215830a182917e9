package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wire form of a checkpoint ({@code object: "fine_tuning.job.checkpoint"}).
 *
 * @param id the checkpoint id
 * @param createdAt Unix seconds
 * @param fineTunedModelCheckpoint the model name to call
 * @param fineTuningJobId the job id
 * @param stepNumber the step
 * @param metrics the metrics at that step
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CheckpointDto(@JsonProperty("id") String id,
                            @JsonProperty("created_at") Long createdAt,
                            @JsonProperty("fine_tuned_model_checkpoint") String fineTunedModelCheckpoint,
                            @JsonProperty("fine_tuning_job_id") String fineTuningJobId,
                            @JsonProperty("step_number") Long stepNumber,
                            @JsonProperty("metrics") JsonNode metrics) {
}
