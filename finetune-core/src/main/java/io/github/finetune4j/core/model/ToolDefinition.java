package io.github.finetune4j.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A function the model may call.
 *
 * @param name the function name, {@code [a-zA-Z0-9_-]{1,64}}
 * @param description what the function does
 * @param parametersSchema the JSON schema of the arguments, as JSON text
 */
public record ToolDefinition(String name, Optional<String> description, Optional<String> parametersSchema) {
    /**
     * Validates the components.
     *
     * @param name the function name, {@code [a-zA-Z0-9_-]{1,64}}
     * @param description what the function does
     * @param parametersSchema the JSON schema of the arguments, as JSON text
     */
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool name must match [a-zA-Z0-9_-]{1,64}: " + name);
        }
        description = description == null ? Optional.empty() : description;
        parametersSchema = parametersSchema == null ? Optional.empty() : parametersSchema;
    }

    /**
     * A function with a description and a JSON schema for its parameters.
     *
     * @param name the function name
     * @param description what it does, or null
     * @param parametersSchema the JSON schema text, or null
     * @return the definition
     */
    public static ToolDefinition function(String name, String description, String parametersSchema) {
        return new ToolDefinition(name, Optional.ofNullable(description), Optional.ofNullable(parametersSchema));
    }
}
