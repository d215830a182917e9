package io.github.finetune4j.testkit.internal.openai;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.ModelRecord;

import java.util.List;
import java.util.Map;

/**
 * {@code /models}: list, retrieve, delete (fine-tuned models only).
 */
final class ModelsHandler {

    private final EmulatorState state;
    private final OpenAiJson json;

    ModelsHandler(EmulatorState state, OpenAiJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/models", this::list),
                Route.of("GET", "/models/{model}", this::retrieve),
                Route.of("DELETE", "/models/{model}", this::delete));
    }

    private Response list(Request request) {
        return state.transaction(s -> {
            var list = json.object();
            list.put("object", "list");
            var data = list.putArray("data");
            s.models().all().forEach(m -> data.add(json.model(m)));
            return json.ok(list);
        });
    }

    private Response retrieve(Request request) {
        return state.transaction(s -> json.ok(json.model(find(s, request.pathParam("model")))));
    }

    private Response delete(Request request) {
        String id = request.pathParam("model");
        return state.transaction(s -> {
            ModelRecord model = find(s, id);
            if (!model.isFineTuned()) {
                throw new ApiError(403, "invalid_request_error", "You do not have permission to delete the base "
                        + "model " + id + ". Only fine-tuned models can be deleted.", "model", null, Map.of());
            }
            s.models().remove(id);
            return json.ok(json.deleted(id, "model"));
        });
    }

    static ModelRecord find(EmulatorState state, String id) {
        return state.models().get(id).orElseThrow(() ->
                ApiError.notFound("The model '" + id + "' does not exist", "model", "model_not_found"));
    }
}
