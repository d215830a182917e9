package io.github.finetune4j.core.model;

import java.util.Objects;

/**
 * A function call made by the assistant.
 *
 * @param id the call's identifier, answered by a {@link Role#TOOL} message's {@code tool_call_id}
 * @param functionName the called function
 * @param arguments the arguments as a JSON string, for example {@code {"city":"Paris"}}
 */
public record ToolCall(String id, String functionName, String arguments) {
    /**
     * Validates the components.
     *
     * @param id the call's identifier, answered by a {@link Role#TOOL} message's {@code tool_call_id}
     * @param functionName the called function
     * @param arguments the arguments as a JSON string, for example {@code {"city":"Paris"}}
     */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(arguments, "arguments");
    }
}
