package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a job's {@code method}.
 *
 * @param type {@code supervised}, {@code dpo} or {@code reinforcement}
 * @param supervised the supervised settings
 * @param dpo the DPO settings
 * @param reinforcement the reinforcement settings (read only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record MethodDto(@JsonProperty("type") String type,
                        @JsonProperty("supervised") MethodConfigDto supervised,
                        @JsonProperty("dpo") MethodConfigDto dpo,
                        @JsonProperty("reinforcement") MethodConfigDto reinforcement) {
}
