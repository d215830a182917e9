package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a deletion answer ({@code {id, object, deleted}}).
 *
 * @param id the deleted object's id
 * @param deleted whether it was deleted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeletedDto(@JsonProperty("id") String id, @JsonProperty("deleted") Boolean deleted) {
}
