package io.github.finetune4j.together.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The wire forms of Together's answers, read leniently (unknown fields are ignored, every field may be absent):
 * the spec's {@code FileResponse}, {@code FinetuneResponse} (and its truncated form), {@code FineTuneEvent},
 * {@code FineTuneCheckpoint}, the estimate, the metrics and the model list, plus the newer fields the live service
 * adds ({@code processing_status}, {@code validation_report}, {@code steps_completed}, {@code total_steps}).
 * Lists arrive in the OpenAI protocol's envelope ({@code {"data": [...]}}) and are read with its {@code ListDto}.
 */
final class Dtos {
    private Dtos() {
    }

    /** A file; {@code created_at} in Unix seconds, {@code Processed} and {@code FileType} capitalised. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileDto(@JsonProperty("id") String id,
                   @JsonProperty("filename") String filename,
                   @JsonProperty("bytes") Long bytes,
                   @JsonProperty("created_at") Long createdAt,
                   @JsonProperty("purpose") String purpose,
                   @JsonProperty("Processed") Boolean processed,
                   @JsonProperty("FileType") String fileType,
                   @JsonProperty("processing_status") String processingStatus,
                   @JsonProperty("validation_report") ValidationReportDto validationReport) {
    }

    /** The service's file check. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValidationReportDto(@JsonProperty("valid") Boolean valid,
                               @JsonProperty("dataset_format") String datasetFormat,
                               @JsonProperty("nlines") Long lines,
                               @JsonProperty("error") String error) {
    }

    /** {@code {"id", "deleted"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeletedDto(@JsonProperty("id") String id, @JsonProperty("deleted") Boolean deleted) {
    }

    /** A fine-tune, truncated (create, list, cancel) or full (retrieve, with its events). Times are ISO-8601. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobDto(@JsonProperty("id") String id,
                  @JsonProperty("status") String status,
                  @JsonProperty("model") String model,
                  @JsonProperty("model_output_name") String modelOutputName,
                  @JsonProperty("created_at") String createdAt,
                  @JsonProperty("updated_at") String updatedAt,
                  @JsonProperty("training_file") String trainingFile,
                  @JsonProperty("validation_file") String validationFile,
                  @JsonProperty("suffix") String suffix,
                  @JsonProperty("random_seed") Long randomSeed,
                  @JsonProperty("n_epochs") Integer epochs,
                  @JsonProperty("batch_size") JsonNode batchSize,
                  @JsonProperty("training_method") TrainingMethodDto trainingMethod,
                  @JsonProperty("training_type") JsonNode trainingType,
                  @JsonProperty("learning_rate") Double learningRate,
                  @JsonProperty("n_checkpoints") Integer checkpoints,
                  @JsonProperty("n_evals") Integer evaluations,
                  @JsonProperty("token_count") Long tokenCount,
                  @JsonProperty("progress") ProgressDto progress,
                  @JsonProperty("events") List<EventDto> events) {
    }

    /** {@code {"method": "sft" | "dpo", "dpo_beta", ...}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrainingMethodDto(@JsonProperty("method") String method, @JsonProperty("dpo_beta") Double dpoBeta) {
    }

    /** The time to the next status, when the service can tell. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgressDto(@JsonProperty("estimate_available") Boolean estimateAvailable,
                       @JsonProperty("seconds_remaining") Long secondsRemaining) {
    }

    /** An event; {@code hash} identifies it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventDto(@JsonProperty("created_at") String createdAt,
                    @JsonProperty("level") String level,
                    @JsonProperty("message") String message,
                    @JsonProperty("type") String type,
                    @JsonProperty("step") Long step,
                    @JsonProperty("total_steps") Long totalSteps,
                    @JsonProperty("hash") String hash) {
    }

    /** A checkpoint: {@code ft-…:STEP} for intermediate ones, the output name for the final ones. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckpointDto(@JsonProperty("step") Long step,
                         @JsonProperty("created_at") String createdAt,
                         @JsonProperty("path") String path,
                         @JsonProperty("checkpoint_type") String checkpointType) {
    }

    /** The answer of {@code POST /fine-tunes/estimate-price}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EstimateDto(@JsonProperty("estimated_total_price") java.math.BigDecimal totalPrice,
                       @JsonProperty("allowed_to_proceed") Boolean allowedToProceed,
                       @JsonProperty("user_limit") java.math.BigDecimal userLimit,
                       @JsonProperty("estimated_train_token_count") Double trainTokens,
                       @JsonProperty("estimated_eval_token_count") Double evalTokens,
                       @JsonProperty("estimation_available") Boolean estimationAvailable,
                       @JsonProperty("unavailable_reason") String unavailableReason) {
    }

    /** {@code {"metrics": [{"train/loss": ..., "train/global_step": ...}, ...]}}, oldest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MetricsDto(@JsonProperty("metrics") List<Map<String, JsonNode>> metrics) {
    }

    /** {@code {"models": [...]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SupportedModelsDto(@JsonProperty("models") List<String> models) {
    }

    /** {@code {"message"}} of a job deletion. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobDeletedDto(@JsonProperty("message") String message) {
    }
}
