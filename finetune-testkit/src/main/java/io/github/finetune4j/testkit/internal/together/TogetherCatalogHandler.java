package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.List;
import java.util.Map;

/**
 * What Together says before a job: {@code POST /fine-tunes/estimate-price} (the price of a job on a checked file,
 * from {@link TogetherCatalog}'s rates, and whether the account's credit allows it),
 * {@code GET /fine-tunes/models/supported} and {@code GET /fine-tunes/models/limits?model_name=}.
 */
final class TogetherCatalogHandler {

    private final EmulatorState state;
    private final TogetherStore store;
    private final TogetherJson json;

    TogetherCatalogHandler(EmulatorState state, TogetherStore store, TogetherJson json) {
        this.state = state;
        this.store = store;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/fine-tunes/estimate-price", this::estimate),
                Route.of("GET", "/fine-tunes/models/supported", this::supported),
                Route.of("GET", "/fine-tunes/models/limits", this::limits));
    }

    private Response estimate(Request request) {
        JsonNode body = JsonResponses.objectBody(state.mapper(), request);
        if (body == null) {
            throw ApiError.invalidRequest("The request body must be a JSON object.", null, "invalid_json");
        }
        TogetherJobParams params = TogetherJobRequest.estimate(body);
        return state.transaction(s -> {
            long trainTokens = checkedTokens(s, params.trainingFile, "training_file") * params.nEpochs;
            long evalTokens = params.validationFile == null ? 0
                    : checkedTokens(s, params.validationFile, "validation_file") * params.nEvals;
            double price = (trainTokens + evalTokens) / 1e6
                    * TogetherCatalog.pricePerMillion(params.model, params.lora, params.dpo);
            ObjectNode out = json.object();
            out.put("estimated_total_price", Math.round(price * 1e6) / 1e6);
            out.put("allowed_to_proceed", price <= store.creditLimit());
            out.put("user_limit", store.creditLimit());
            out.put("estimated_train_token_count", trainTokens);
            out.put("estimated_eval_token_count", evalTokens);
            out.put("estimation_available", true);
            return json.ok(out);
        });
    }

    private Response supported(Request request) {
        ObjectNode out = json.object();
        ArrayNode models = out.putArray("models");
        TogetherCatalog.ids().forEach(models::add);
        return json.ok(out);
    }

    private Response limits(Request request) {
        String name = request.queryParam("model_name");
        if (name == null || name.isBlank()) {
            throw ApiError.invalidRequest("Missing required parameter 'model_name'.", "model_name",
                    "missing_required_parameter");
        }
        TogetherModel model = TogetherCatalog.find(name).orElse(null);
        if (model == null) {
            ObjectNode body = json.object();
            body.put("message", "Model " + name + " is not available for fine-tuning.");
            return JsonResponses.of(state.mapper(), 404, body);
        }
        ObjectNode out = json.object();
        out.put("model_name", model.id());
        if (model.full() != null) {
            limits(out.putObject("full_training"), model.full(), false);
        }
        limits(out.putObject("lora_training"), model.lora(), true);
        out.put("max_num_epochs", TogetherModel.MAX_EPOCHS);
        out.put("max_num_evals", TogetherModel.MAX_EVALS);
        out.put("max_learning_rate", TogetherModel.MAX_LEARNING_RATE);
        out.put("min_learning_rate", TogetherModel.MIN_LEARNING_RATE);
        out.put("supports_vision", false);
        out.put("supports_tools", true);
        out.put("supports_reasoning", model.supportsReasoning());
        out.put("merge_output_lora", model.serverlessLora());
        return json.ok(out);
    }

    private static void limits(ObjectNode node, TogetherModel.Limits limits, boolean lora) {
        node.put("max_batch_size", limits.maxBatch());
        node.put("max_batch_size_dpo", limits.maxBatchDpo());
        node.put("min_batch_size", limits.minBatch());
        if (lora) {
            node.put("max_rank", limits.maxRank());
            ArrayNode modules = node.putArray("target_modules");
            TogetherModel.TARGET_MODULES.forEach(modules::add);
        }
    }

    /** The token estimate of a file that passed the check; the estimate needs one, as on the service. */
    private long checkedTokens(EmulatorState s, String id, String param) {
        StoredFile file = s.files().get(id).orElseThrow(() -> ApiError.invalidRequest("File " + id + " given as "
                + param + " does not exist.", param, "file_not_found"));
        TogetherStore.FileInfo info = store.file(id).orElseThrow();
        if (s.now().isBefore(file.readyAt()) || !info.report().valid()) {
            throw new ApiError(400, "invalid_request_error", "The price can be estimated only for a file that "
                    + "passed the file check; " + id + " is " + (s.now().isBefore(file.readyAt()) ? "PENDING"
                    : "INVALID_FORMAT") + ".", param, "file_not_ready", Map.of());
        }
        return info.report().data().tokenEstimate();
    }
}
