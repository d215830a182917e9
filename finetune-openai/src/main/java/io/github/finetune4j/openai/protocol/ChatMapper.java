package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.TokenUsage;

import java.util.List;
import java.util.Optional;

/** Translates chat completion requests and answers. */
final class ChatMapper {
    private static final String FUNCTION = "function";

    private ChatMapper() {
    }

    /** The request; the model goes into the body unless the dialect puts it (a deployment) into the path. */
    static ChatRequestDto toWire(ChatRequest request, boolean modelInBody) {
        List<ChatMessageDto> messages = request.messages().stream().map(ChatMapper::message).toList();
        return new ChatRequestDto(modelInBody ? request.model() : null, messages, request.temperature().orElse(null),
                request.maxTokens().orElse(null));
    }

    /** Training-only fields ({@code weight}) are not sent. */
    private static ChatMessageDto message(Message m) {
        List<ToolCallDto> calls = m.toolCalls().isEmpty() ? null : m.toolCalls().stream()
                .map(c -> new ToolCallDto(c.id(), FUNCTION, new FunctionCallDto(c.functionName(), c.arguments())))
                .toList();
        return new ChatMessageDto(m.role().wireName(), m.content().orElse(null), m.name().orElse(null), calls,
                m.toolCallId().orElse(null), null);
    }

    /**
     * Uses the first choice. A refusal, a content-filtered or a tools-only answer gives the refusal text or an empty
     * string; its {@code finish_reason} (for example {@code content_filter}) tells why.
     *
     * @param requestedModel the model (or deployment) asked, reported when the answer names none
     */
    static ChatResponse fromWire(ChatCompletionDto dto, String requestedModel) {
        WireFormatException.require(dto, "chat completion");
        List<ChoiceDto> choices = WireFormatException.require(dto.choices(), "choices");
        if (choices.isEmpty() || choices.get(0) == null) {
            throw new WireFormatException("chat completion has no choices");
        }
        ChoiceDto choice = choices.get(0);
        ChatMessageDto message = choice.message();
        String text = message == null ? "" : message.content() != null ? message.content()
                : message.refusal() != null ? message.refusal() : "";
        UsageDto usage = dto.usage();
        Optional<TokenUsage> tokens = usage == null ? Optional.empty() : Optional.of(new TokenUsage(
                orZero(usage.promptTokens()), orZero(usage.completionTokens()), orZero(usage.totalTokens())));
        return new ChatResponse(WireFormatException.requireText(dto.id(), "id"),
                dto.model() == null ? requestedModel : dto.model(), text,
                Optional.ofNullable(choice.finishReason()).filter(s -> !s.isBlank()), tokens);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
