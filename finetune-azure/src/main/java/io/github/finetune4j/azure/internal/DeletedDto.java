package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire form of a deletion answer ({@code FileDelete}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeletedDto(@JsonProperty("id") String id,
                  @JsonProperty("object") String object,
                  @JsonProperty("deleted") Boolean deleted) {
}
