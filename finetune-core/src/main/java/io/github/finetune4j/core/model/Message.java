package io.github.finetune4j.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat message of a training example or a chat request.
 *
 * <pre>{@code
 * Message.system("Du chattest jetzt mit dem Kundenservice ...");
 * Message.user("Warum saugt mein T-1000 nicht mehr richtig?");
 * Message.assistant("Es könnte ein verstopfter Filter sein.").withWeight(0);
 * }</pre>
 *
 * @param role who wrote it
 * @param content the text; empty for an assistant message that only calls tools
 * @param name an optional participant name
 * @param weight assistant only: 0 leaves the message out of training, 1 trains on it
 * @param toolCalls assistant only: the function calls it makes
 * @param toolCallId tool only: the call this message answers
 */
public record Message(Role role, Optional<String> content, Optional<String> name, Optional<Integer> weight,
                      List<ToolCall> toolCalls, Optional<String> toolCallId) {
    /**
     * Validates the components.
     *
     * @param role who wrote it
     * @param content the text; empty for an assistant message that only calls tools
     * @param name an optional participant name
     * @param weight assistant only: 0 leaves the message out of training, 1 trains on it
     * @param toolCalls assistant only: the function calls it makes
     * @param toolCallId tool only: the call this message answers
     */
    public Message {
        Objects.requireNonNull(role, "role");
        content = content == null ? Optional.empty() : content;
        name = name == null ? Optional.empty() : name;
        weight = weight == null ? Optional.empty() : weight;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        toolCallId = toolCallId == null ? Optional.empty() : toolCallId;
        if (weight.isPresent() && weight.get() != 0 && weight.get() != 1) {
            throw new IllegalArgumentException("weight must be 0 or 1: " + weight.get());
        }
        if (weight.isPresent() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("weight is only allowed on assistant messages");
        }
    }

    /**
     * A system message.
     *
     * @param content the instructions
     * @return the message
     */
    public static Message system(String content) {
        return of(Role.SYSTEM, content);
    }

    /**
     * A user message.
     *
     * @param content the question
     * @return the message
     */
    public static Message user(String content) {
        return of(Role.USER, content);
    }

    /**
     * An assistant message.
     *
     * @param content the answer
     * @return the message
     */
    public static Message assistant(String content) {
        return of(Role.ASSISTANT, content);
    }

    /**
     * An assistant message that calls functions.
     *
     * @param toolCalls the calls, at least one
     * @return the message
     * @throws IllegalArgumentException if {@code toolCalls} is empty
     */
    public static Message assistantToolCalls(List<ToolCall> toolCalls) {
        if (toolCalls.isEmpty()) {
            throw new IllegalArgumentException("toolCalls must not be empty");
        }
        return new Message(Role.ASSISTANT, Optional.empty(), Optional.empty(), Optional.empty(), toolCalls,
                Optional.empty());
    }

    /**
     * A tool result answering an earlier call.
     *
     * @param toolCallId the id of the call it answers
     * @param content the result
     * @return the message
     */
    public static Message tool(String toolCallId, String content) {
        return new Message(Role.TOOL, Optional.of(Objects.requireNonNull(content, "content")), Optional.empty(),
                Optional.empty(), List.of(), Optional.of(Objects.requireNonNull(toolCallId, "toolCallId")));
    }

    /**
     * A message with a role and text.
     *
     * @param role the role
     * @param content the text
     * @return the message
     */
    public static Message of(Role role, String content) {
        return new Message(role, Optional.of(Objects.requireNonNull(content, "content")), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * This message with a training weight.
     *
     * @param weight 0 (do not train on it) or 1
     * @return a new message
     * @throws IllegalArgumentException if not an assistant message or weight not 0 or 1
     */
    public Message withWeight(int weight) {
        return new Message(role, content, name, Optional.of(weight), toolCalls, toolCallId);
    }

    /**
     * This message with a participant name.
     *
     * @param name the name
     * @return a new message
     */
    public Message withName(String name) {
        return new Message(role, content, Optional.of(Objects.requireNonNull(name, "name")), weight, toolCalls,
                toolCallId);
    }
}
