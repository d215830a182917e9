package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wire form of a job event ({@code object: "fine_tuning.job.event"}).
 *
 * @param id the event id
 * @param createdAt Unix seconds
 * @param level {@code info}, {@code warn} or {@code error}
 * @param message the text
 * @param type {@code message} or {@code metrics}
 * @param data the metrics of a {@code metrics} event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventDto(@JsonProperty("id") String id,
                       @JsonProperty("created_at") Long createdAt,
                       @JsonProperty("level") String level,
                       @JsonProperty("message") String message,
                       @JsonProperty("type") String type,
                       @JsonProperty("data") JsonNode data) {
}
