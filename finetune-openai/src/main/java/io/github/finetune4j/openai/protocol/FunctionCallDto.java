package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a called function.
 *
 * @param name the function name
 * @param arguments the arguments as JSON text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record FunctionCallDto(@JsonProperty("name") String name, @JsonProperty("arguments") String arguments) {
}
