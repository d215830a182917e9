package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire form of a file (GA {@code File}; v1 adds {@code expires_at}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record FileDto(@JsonProperty("id") String id,
               @JsonProperty("object") String object,
               @JsonProperty("created_at") Long createdAt,
               @JsonProperty("status") String status,
               @JsonProperty("bytes") Long bytes,
               @JsonProperty("purpose") String purpose,
               @JsonProperty("filename") String filename,
               @JsonProperty("status_details") String statusDetails) {
}
