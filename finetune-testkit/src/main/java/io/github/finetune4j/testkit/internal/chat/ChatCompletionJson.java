package io.github.finetune4j.testkit.internal.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * Builds the OpenAI {@code chat.completion} object (no streaming), which Azure returns too, with Azure's content
 * filter results added by its dialect.
 */
public final class ChatCompletionJson {

    /** The rough number of characters per token used for usage estimates. */
    public static final int CHARS_PER_TOKEN = 4;

    private ChatCompletionJson() {
    }

    /**
     * Builds the response.
     *
     * @param mapper the mapper
     * @param id the completion id, {@code chatcmpl-…}
     * @param created when it was created
     * @param model the model to report
     * @param answer the full answer; cut when the request's token limit is lower
     * @param request the request
     * @return the {@code chat.completion} object
     */
    public static ObjectNode completion(ObjectMapper mapper, String id, Instant created, String model, String answer,
                                        ChatRequest request) {
        String content = answer;
        String finishReason = "stop";
        Integer maxTokens = request.maxTokens();
        if (maxTokens != null && content.length() > (long) maxTokens * CHARS_PER_TOKEN) {
            content = content.substring(0, Math.max(0, maxTokens * CHARS_PER_TOKEN));
            finishReason = "length";
        }
        ObjectNode response = mapper.createObjectNode();
        response.put("id", id);
        response.put("object", "chat.completion");
        response.put("created", created.getEpochSecond());
        response.put("model", model);
        ArrayNode choices = response.putArray("choices");
        for (int i = 0; i < request.n(); i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", content);
            message.putNull("refusal");
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
        }
        int promptTokens = tokens(request.promptChars());
        int completionTokens = tokens(content.length()) * request.n();
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        ObjectNode promptDetails = usage.putObject("prompt_tokens_details");
        promptDetails.put("cached_tokens", 0);
        promptDetails.put("audio_tokens", 0);
        ObjectNode completionDetails = usage.putObject("completion_tokens_details");
        completionDetails.put("reasoning_tokens", 0);
        completionDetails.put("audio_tokens", 0);
        completionDetails.put("accepted_prediction_tokens", 0);
        completionDetails.put("rejected_prediction_tokens", 0);
        return response;
    }

    private static int tokens(int chars) {
        return Math.max(1, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }
}
