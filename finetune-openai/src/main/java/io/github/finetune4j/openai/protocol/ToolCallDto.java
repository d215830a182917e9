package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of a tool call: {@code {id, type: "function", function: {name, arguments}}}.
 *
 * @param id the call id
 * @param type always {@code function}
 * @param function the called function
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ToolCallDto(@JsonProperty("id") String id,
                          @JsonProperty("type") String type,
                          @JsonProperty("function") FunctionCallDto function) {
}
