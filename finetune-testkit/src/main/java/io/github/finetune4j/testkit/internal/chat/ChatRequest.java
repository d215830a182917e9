package io.github.finetune4j.testkit.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.testkit.internal.http.ApiError;

/**
 * The parts of a chat completions request the emulator uses, checked as the service checks them.
 *
 * @param model the {@code model} field, or null when absent
 * @param n how many choices to return, 1 to 128
 * @param maxTokens {@code max_completion_tokens} or {@code max_tokens}, or null
 * @param question the text of the last user message, or null
 * @param promptChars the length of the serialised messages, for the token estimate
 */
public record ChatRequest(String model, int n, Integer maxTokens, String question, int promptChars) {

    /**
     * Parses and checks a request body: {@code messages} must be a non-empty array, {@code stream} is refused.
     *
     * @param body the JSON body, an object
     * @return the request
     * @throws ApiError 400 for a missing {@code messages}, streaming, or {@code n} out of range
     */
    public static ChatRequest parse(JsonNode body) {
        JsonNode modelNode = body.get("model");
        if (modelNode != null && !modelNode.isNull() && !modelNode.isTextual()) {
            throw ApiError.invalidRequest("Invalid type for 'model': expected a string.", "model", "invalid_type");
        }
        String model = modelNode == null || modelNode.isNull() ? null : modelNode.asText();
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalidRequest("[] is too short - 'messages'", "messages");
        }
        if (body.path("stream").asBoolean(false)) {
            throw ApiError.invalidRequest("The FineTuningEmulator does not support streaming; send stream=false.",
                    "stream");
        }
        int n = body.path("n").isIntegralNumber() ? body.get("n").asInt() : 1;
        if (n < 1 || n > 128) {
            throw ApiError.invalidRequest("Invalid 'n': must be between 1 and 128.", "n");
        }
        JsonNode maxTokensNode = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens")
                : body.get("max_tokens");
        Integer maxTokens = maxTokensNode != null && maxTokensNode.isIntegralNumber() ? maxTokensNode.asInt() : null;
        return new ChatRequest(model, n, maxTokens, lastUserText(messages), messages.toString().length());
    }

    private static String lastUserText(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.get("content");
                if (content != null && content.isTextual()) {
                    return content.asText();
                }
                if (content != null && content.isArray()) {
                    StringBuilder text = new StringBuilder();
                    for (JsonNode part : content) {
                        if (part.path("text").isTextual()) {
                            text.append(part.get("text").asText()).append('\n');
                        }
                    }
                    return text.toString().strip();
                }
            }
        }
        return null;
    }
}
