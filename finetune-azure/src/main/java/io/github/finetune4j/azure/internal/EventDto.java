package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** Wire form of a job event ({@code FineTuningJobEvent}); {@code level} is {@code info|warning|error}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventDto(@JsonProperty("id") String id,
                @JsonProperty("created_at") Long createdAt,
                @JsonProperty("level") String level,
                @JsonProperty("message") String message,
                @JsonProperty("type") String type,
                @JsonProperty("data") JsonNode data) {
}
