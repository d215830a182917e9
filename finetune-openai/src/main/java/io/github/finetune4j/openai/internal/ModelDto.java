package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wire form of a model ({@code object: "model"}).
 *
 * @param id the model name
 * @param ownedBy the owner
 * @param shutdownDate {@code YYYY-MM-DD}, null when not announced
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelDto(@JsonProperty("id") String id,
                       @JsonProperty("owned_by") String ownedBy,
                       @JsonProperty("shutdown_date") JsonNode shutdownDate) {
}
