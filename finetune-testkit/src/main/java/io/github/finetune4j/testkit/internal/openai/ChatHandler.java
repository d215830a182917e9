package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.chat.ChatResponder;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.ModelRecord;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /chat/completions}, without streaming. Base models answer generically; fine-tuned models and their
 * checkpoints answer with the training answer whose question is most similar to the last user message.
 */
final class ChatHandler {

    private static final int CHARS_PER_TOKEN = 4;

    private final EmulatorState state;
    private final OpenAiJson json;

    ChatHandler(EmulatorState state, OpenAiJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(Route.of("POST", "/chat/completions", this::complete));
    }

    private Response complete(Request request) {
        JsonNode body = RequestBodies.json(state.mapper(), request);
        String model = RequestBodies.requiredString(body, "model");
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
        String question = lastUserText(messages);
        int promptChars = messages.toString().length();

        return state.transaction(s -> {
            String answer = answer(s, model, question);
            String finishReason = "stop";
            if (maxTokens != null && answer.length() > (long) maxTokens * CHARS_PER_TOKEN) {
                answer = answer.substring(0, Math.max(0, maxTokens * CHARS_PER_TOKEN));
                finishReason = "length";
            }
            ObjectNode response = json.object();
            response.put("id", s.ids().next("chatcmpl-", 29));
            response.put("object", "chat.completion");
            response.put("created", s.now().getEpochSecond());
            response.put("model", model);
            ArrayNode choices = response.putArray("choices");
            for (int i = 0; i < n; i++) {
                ObjectNode choice = choices.addObject();
                choice.put("index", i);
                ObjectNode message = choice.putObject("message");
                message.put("role", "assistant");
                message.put("content", answer);
                message.putNull("refusal");
                message.putArray("annotations");
                choice.putNull("logprobs");
                choice.put("finish_reason", finishReason);
            }
            int promptTokens = tokens(promptChars);
            int completionTokens = tokens(answer.length()) * n;
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
            response.put("service_tier", "default");
            response.put("system_fingerprint", "fp_emulator");
            return json.ok(response);
        });
    }

    private static String answer(EmulatorState s, String model, String question) {
        Optional<ModelRecord> known = s.models().get(model);
        if (known.isPresent()) {
            ModelRecord record = known.get();
            return record.isFineTuned()
                    ? ChatResponder.fineTuned(s.jobs().get(record.jobId()).chatIndex(), question)
                    : ChatResponder.base(model, question);
        }
        for (JobRecord job : s.jobsNewestFirst()) {
            if (model.startsWith(job.fineTunedModel() + ":ckpt-step-")) {
                JobView view = s.jobs().view(job);
                if (view.checkpoints().stream().anyMatch(c -> c.model().equals(model))) {
                    return ChatResponder.fineTuned(job.chatIndex(), question);
                }
            }
        }
        throw ApiError.notFound("The model `" + model + "` does not exist or you do not have access to it.", null,
                "model_not_found");
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

    private static int tokens(int chars) {
        return Math.max(1, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }
}
