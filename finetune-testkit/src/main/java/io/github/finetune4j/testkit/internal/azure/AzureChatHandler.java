package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.chat.ChatCompletionJson;
import io.github.finetune4j.testkit.internal.chat.ChatRequest;
import io.github.finetune4j.testkit.internal.chat.ChatTargets;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.DeploymentRecord;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.util.List;

/**
 * Chat completions through an ARM deployment: {@code POST /deployments/{name}/chat/completions} on the dated
 * route, {@code POST /chat/completions} with {@code "model": "<deployment name>"} on v1. A deployment that does not
 * exist, or is not yet (or no longer) {@code Succeeded}, answers 404 {@code DeploymentNotFound}. The answer is the
 * deployed model's, as on the OpenAI dialect, with Azure's content filter results added.
 */
final class AzureChatHandler {

    private static final List<String> FILTER_CATEGORIES = List.of("hate", "self_harm", "sexual", "violence");

    private final EmulatorState state;
    private final AzureJson json;

    AzureChatHandler(EmulatorState state, AzureJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        if (json.route() == AzureRoute.V1) {
            return List.of(Route.of("POST", "/chat/completions", this::v1));
        }
        return List.of(Route.of("POST", "/deployments/{deployment}/chat/completions",
                r -> complete(r.pathParam("deployment"), ChatRequest.parse(AzureRequests.json(state.mapper(), r)))));
    }

    private Response v1(Request request) {
        JsonNode body = AzureRequests.json(state.mapper(), request);
        ChatRequest chat = ChatRequest.parse(body);
        if (chat.model() == null || chat.model().isEmpty()) {
            throw AzureErrors.invalidPayload("The field 'model' is required: give the name of the deployment.",
                    "model");
        }
        return complete(chat.model(), chat);
    }

    private Response complete(String deployment, ChatRequest chat) {
        return state.transaction(s -> {
            DeploymentRecord record = s.deployments().get(deployment).filter(d -> d.isServing(s.now()))
                    .orElseThrow(AzureErrors::deploymentNotFound);
            String answer = ChatTargets.answer(s, record.servedModel(), chat.question())
                    .orElseThrow(AzureErrors::deploymentNotFound);
            ObjectNode response = ChatCompletionJson.completion(s.mapper(), s.ids().next("chatcmpl-", 29), s.now(),
                    record.servedModel(), answer, chat);
            for (JsonNode choice : response.get("choices")) {
                filterResults(((ObjectNode) choice).putObject("content_filter_results"));
            }
            ArrayNode prompt = response.putArray("prompt_filter_results");
            ObjectNode promptResult = prompt.addObject();
            promptResult.put("prompt_index", 0);
            filterResults(promptResult.putObject("content_filter_results"));
            response.put("system_fingerprint", "fp_emulator");
            return json.ok(response);
        });
    }

    private static void filterResults(ObjectNode node) {
        for (String category : FILTER_CATEGORIES) {
            ObjectNode result = node.putObject(category);
            result.put("filtered", false);
            result.put("severity", "safe");
        }
    }
}
