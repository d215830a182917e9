package io.github.finetune4j.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A supervised training example: a conversation whose assistant turns the model learns.
 *
 * @param messages the conversation, at least one message
 * @param tools the functions the model may call in this example
 * @param parallelToolCalls whether the model may call several functions at once
 */
public record Example(List<Message> messages, List<ToolDefinition> tools, Optional<Boolean> parallelToolCalls)
        implements TrainingRecord {
    /**
     * Validates the components.
     *
     * @param messages the conversation, at least one message
     * @param tools the functions the model may call in this example
     * @param parallelToolCalls whether the model may call several functions at once
     */
    public Example {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one message");
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
        parallelToolCalls = parallelToolCalls == null ? Optional.empty() : parallelToolCalls;
    }

    /**
     * An example without tools.
     *
     * @param messages the conversation
     * @return the example
     */
    public static Example of(List<Message> messages) {
        return new Example(messages, List.of(), Optional.empty());
    }

    /**
     * An example without tools.
     *
     * @param messages the conversation
     * @return the example
     */
    public static Example of(Message... messages) {
        return of(List.of(messages));
    }

    @Override
    public FineTuneMethod method() {
        return FineTuneMethod.SUPERVISED;
    }
}
