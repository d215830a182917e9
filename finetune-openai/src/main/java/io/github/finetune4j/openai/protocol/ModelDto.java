package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wire form of a model: OpenAI's {@code {id, owned_by, shutdown_date}} and Azure's catalog entry with
 * {@code capabilities}, {@code lifecycle_status} and {@code deprecation} dates (Unix seconds).
 *
 * @param id the model name
 * @param ownedBy the owner
 * @param shutdownDate {@code YYYY-MM-DD} (or Unix seconds), null when not announced
 * @param capabilities what the model can be used for (Azure)
 * @param deprecation the end dates of fine-tuning and inference (Azure)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ModelDto(@JsonProperty("id") String id,
                @JsonProperty("owned_by") String ownedBy,
                @JsonProperty("shutdown_date") JsonNode shutdownDate,
                @JsonProperty("capabilities") Capabilities capabilities,
                @JsonProperty("deprecation") Deprecation deprecation) {

    /**
     * What the model can be used for.
     *
     * @param fineTune whether new fine-tuning jobs are accepted on it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Capabilities(@JsonProperty("fine_tune") Boolean fineTune) {
    }

    /**
     * The end dates of fine-tuning and inference, Unix seconds.
     *
     * @param fineTune when new fine-tuning jobs end
     * @param inference when the model stops answering
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deprecation(@JsonProperty("fine_tune") Long fineTune,
                       @JsonProperty("inference") Long inference) {
    }
}
