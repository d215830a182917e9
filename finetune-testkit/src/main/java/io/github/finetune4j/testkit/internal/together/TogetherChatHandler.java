package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.chat.ChatCompletionJson;
import io.github.finetune4j.testkit.internal.chat.ChatRequest;
import io.github.finetune4j.testkit.internal.chat.ChatResponder;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Together's {@code POST /chat/completions} and {@code GET /models}. A base model of the catalog answers with the
 * emulator's generic text. A completed LoRA fine-tune of a base that offers serverless LoRA answers on this route
 * with its nearest training answer; any other fine-tune (full training, or a base without serverless LoRA) needs a
 * dedicated endpoint, and the answer is Together's 400 {@code model_not_available} naming that step.
 */
final class TogetherChatHandler {

    /** When the base models of the catalog were published, as {@code created} reports it. */
    private static final Instant BASE_CREATED = Instant.parse("2024-07-23T00:00:00Z");

    private final EmulatorState state;
    private final TogetherStore store;
    private final TogetherJson json;

    TogetherChatHandler(EmulatorState state, TogetherStore store, TogetherJson json) {
        this.state = state;
        this.store = store;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/chat/completions", this::complete),
                Route.of("GET", "/models", this::models));
    }

    private Response complete(Request request) {
        JsonNode body = JsonResponses.objectBody(state.mapper(), request);
        if (body == null) {
            throw ApiError.invalidRequest("The request body must be a JSON object.", null, "invalid_json");
        }
        String model = TogetherFields.requiredString(body, "model", "");
        ChatRequest chat = ChatRequest.parse(body);
        return state.transaction(s -> {
            String answer = answer(model, chat);
            ObjectNode response = ChatCompletionJson.completion(s.mapper(), s.ids().next("chatcmpl-", 29), s.now(),
                    model, answer, chat);
            response.putArray("prompt");
            return json.ok(response);
        });
    }

    private String answer(String model, ChatRequest chat) {
        if (TogetherCatalog.find(model).isPresent()) {
            return ChatResponder.base(model, chat.question());
        }
        for (TogetherJob job : store.jobs()) {
            if (!job.outputName().equals(model)) {
                continue;
            }
            String status = TogetherView.of(job, state.now(), state.config().transitionDuration()).status();
            if (!status.equals("completed")) {
                break;
            }
            if (!job.params.lora || !job.params.model.serverlessLora()) {
                throw new ApiError(400, "invalid_request_error", "Unable to access non-serverless model " + model
                        + ". Please visit https://api.together.ai/models/" + model + " to create and start a new "
                        + "dedicated endpoint for the model. (FineTuningEmulator: serverless LoRA is offered for "
                        + TogetherCatalog.MODELS.stream().filter(TogetherModel::serverlessLora)
                        .map(TogetherModel::id).toList() + " only.)", "model", "model_not_available", Map.of());
            }
            return ChatResponder.fineTuned(job.core.chatIndex(), chat.question());
        }
        throw new ApiError(404, "invalid_request_error", "Unable to access model " + model + ". Please visit "
                + "https://api.together.ai/models to view the list of supported models.", "model",
                "model_not_found", Map.of());
    }

    private Response models(Request request) {
        return state.transaction(s -> {
            ArrayNode list = state.mapper().createArrayNode();
            for (TogetherModel model : TogetherCatalog.MODELS) {
                list.add(model(model.id(), model.organization(), model.shortName(), model.contextLength(),
                        BASE_CREATED));
            }
            for (TogetherJob job : store.jobs()) {
                if (TogetherView.of(job, s.now(), s.config().transitionDuration()).status().equals("completed")) {
                    list.add(model(job.outputName(), s.config().organization(), job.outputName(),
                            job.params.model.contextLength(), job.core.createdAt()));
                }
            }
            return JsonResponses.of(state.mapper(), 200, list);
        });
    }

    /** A {@code ModelInfo}; the emulator bills nothing for inference, so every price is 0. */
    private ObjectNode model(String id, String organization, String displayName, int contextLength,
                             Instant created) {
        ObjectNode node = json.object();
        node.put("id", id);
        node.put("object", "model");
        node.put("created", created.getEpochSecond());
        node.put("type", "chat");
        node.put("display_name", displayName);
        node.put("organization", organization);
        node.put("context_length", contextLength);
        ObjectNode pricing = node.putObject("pricing");
        for (String key : List.of("hourly", "input", "output", "base", "finetune")) {
            pricing.put(key, 0);
        }
        return node;
    }
}
