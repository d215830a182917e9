package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.TokenUsage;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Translates chat completions. The request's model is the deployment name: sent as {@code model} on v1, put into
 * the path (and left out of the body) on the dated route.
 */
final class ChatMapper {
    private static final String FUNCTION = "function";

    private ChatMapper() {
    }

    static ChatDtos.Request toWire(ChatRequest request, boolean modelInBody) {
        List<ChatDtos.Message> messages = request.messages().stream().map(ChatMapper::message)
                .collect(Collectors.toList());
        return new ChatDtos.Request(modelInBody ? request.model() : null, messages,
                request.temperature().orElse(null), request.maxTokens().orElse(null));
    }

    /** Training-only fields ({@code weight}) are not sent. */
    private static ChatDtos.Message message(Message m) {
        List<ChatDtos.ToolCall> calls = m.toolCalls().isEmpty() ? null : m.toolCalls().stream()
                .map(c -> new ChatDtos.ToolCall(c.id(), FUNCTION,
                        new ChatDtos.Function(c.functionName(), c.arguments())))
                .collect(Collectors.toList());
        return new ChatDtos.Message(m.role().wireName(), m.content().orElse(null), m.name().orElse(null), calls,
                m.toolCallId().orElse(null), null);
    }

    /**
     * Uses the first choice. A content-filtered or tools-only answer gives the refusal text or an empty string; its
     * {@code finish_reason} (for example {@code content_filter}) tells why.
     */
    static ChatResponse fromWire(ChatDtos.Completion dto, String deployment) {
        Wire.require(dto, "chat completion");
        List<ChatDtos.Choice> choices = Wire.require(dto.choices(), "choices");
        if (choices.isEmpty() || choices.get(0) == null) {
            throw new IllegalStateException("chat completion has no choices");
        }
        ChatDtos.Choice choice = choices.get(0);
        ChatDtos.Message message = choice.message();
        String text = message == null ? "" : message.content() != null ? message.content()
                : message.refusal() != null ? message.refusal() : "";
        ChatDtos.Usage usage = dto.usage();
        Optional<TokenUsage> tokens = usage == null ? Optional.empty() : Optional.of(new TokenUsage(
                orZero(usage.promptTokens()), orZero(usage.completionTokens()), orZero(usage.totalTokens())));
        return new ChatResponse(Wire.requireText(dto.id(), "id"), dto.model() == null ? deployment : dto.model(),
                text, Optional.ofNullable(choice.finishReason()).filter(s -> !s.isBlank()), tokens);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
