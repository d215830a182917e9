package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a catalog entry ({@code Model}): capabilities, lifecycle status and deprecation dates (unix seconds).
 * v1 entries may carry the OpenAI fields {@code created} and {@code owned_by} instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ModelDto(@JsonProperty("id") String id,
                @JsonProperty("created_at") Long createdAt,
                @JsonProperty("owned_by") String ownedBy,
                @JsonProperty("status") String status,
                @JsonProperty("model") String model,
                @JsonProperty("fine_tune") String fineTune,
                @JsonProperty("capabilities") Capabilities capabilities,
                @JsonProperty("lifecycle_status") String lifecycleStatus,
                @JsonProperty("deprecation") Deprecation deprecation) {

    /** What the model can be used for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Capabilities(@JsonProperty("fine_tune") Boolean fineTune,
                        @JsonProperty("inference") Boolean inference,
                        @JsonProperty("completion") Boolean completion,
                        @JsonProperty("chat_completion") Boolean chatCompletion,
                        @JsonProperty("embeddings") Boolean embeddings) {
    }

    /** The end dates of fine-tuning and inference, unix seconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deprecation(@JsonProperty("fine_tune") Long fineTune,
                       @JsonProperty("inference") Long inference) {
    }
}
