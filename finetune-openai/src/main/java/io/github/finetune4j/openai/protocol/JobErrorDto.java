package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a job's {@code error}; all fields may be null (or the object empty) when there is no error.
 *
 * @param code the machine-readable code
 * @param message the explanation
 * @param param the offending request field
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JobErrorDto(@JsonProperty("code") String code,
                          @JsonProperty("message") String message,
                          @JsonProperty("param") String param) {
}
