package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.chat.ChatCompletionJson;
import io.github.finetune4j.testkit.internal.chat.ChatRequest;
import io.github.finetune4j.testkit.internal.chat.ChatTargets;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobService;
import io.github.finetune4j.testkit.internal.state.OpenAiLifecycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code POST /chat/completions}, without streaming. Base models answer generically; fine-tuned models and their
 * checkpoints answer with the training answer whose question is most similar to the last user message.
 */
final class ChatHandler {

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
        var body = RequestBodies.json(state.mapper(), request);
        String model = RequestBodies.requiredString(body, "model");
        ChatRequest chat = ChatRequest.parse(body);
        return state.transaction(s -> {
            refuseShutDown(s, model);
            String answer = ChatTargets.answer(s, model, chat.question()).orElseThrow(() -> ApiError.notFound(
                    "The model `" + model + "` does not exist or you do not have access to it.", null,
                    "model_not_found"));
            ObjectNode response = ChatCompletionJson.completion(s.mapper(), s.ids().next("chatcmpl-", 29), s.now(),
                    model, answer, chat);
            response.put("service_tier", "default");
            response.put("system_fingerprint", "fp_emulator");
            return json.ok(response);
        });
    }

    /**
     * A fine-tune of a model OpenAI retired in 2026 answers, once its shutdown date has come on the emulator's
     * clock, as a retired model does. The 2027-01-14 family keeps answering after that date, so that examples and
     * tests do not break on a day of the calendar.
     */
    private static void refuseShutDown(EmulatorState s, String model) {
        String base = JobService.baseModelOf(model);
        if (!OpenAiLifecycle.RETIRED.equals(OpenAiLifecycle.shutdownDate(base).orElse(null))) {
            return;
        }
        if (!LocalDate.ofInstant(s.now(), ZoneOffset.UTC).isBefore(LocalDate.parse(OpenAiLifecycle.RETIRED))) {
            throw ApiError.notFound("The model `" + model + "` has been deprecated, learn more here: "
                    + "https://platform.openai.com/docs/deprecations", "model", "model_not_found");
        }
    }
}
