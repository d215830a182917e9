package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire form of a job's error ({@code FineTuningJobError}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record JobErrorDto(@JsonProperty("code") String code,
                   @JsonProperty("message") String message,
                   @JsonProperty("param") String param) {
}
