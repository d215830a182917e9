package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobService;
import io.github.finetune4j.testkit.internal.state.ModelRecord;
import io.github.finetune4j.testkit.internal.state.ModelStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /models}: list and get, in the authoring spec's {@code Model} shape ({@code capabilities},
 * {@code lifecycle_status}, {@code deprecation} with unix-second dates); v1 adds OpenAI's {@code created} and
 * {@code owned_by}. The base models the emulator fine-tunes have {@code capabilities.fine_tune: true} and
 * retirement dates in the future ({@link #FINE_TUNE_RETIREMENT}, {@link #INFERENCE_RETIREMENT}); the catalog also
 * lists {@value #NOT_TUNABLE}, which cannot be fine-tuned and whose fine-tuning retirement has passed. Azure AI
 * Foundry's open models ({@link AzureCatalog}) are {@code lifecycle_status: preview}; like the service, no model
 * object says which {@code trainingType} it allows. Fine-tuned
 * models (from either dialect) report their base model, their job and an inference retirement two years after
 * their creation. Azure has no model DELETE.
 */
final class AzureModelsHandler {

    /** The {@code deprecation.fine_tune} of the fine-tunable base models: 2030-03-31. */
    static final Instant FINE_TUNE_RETIREMENT = Instant.parse("2030-03-31T00:00:00Z");

    /** The {@code deprecation.inference} of the base models: 2031-03-31. */
    static final Instant INFERENCE_RETIREMENT = Instant.parse("2031-03-31T00:00:00Z");

    /** A base model in the catalog that cannot be fine-tuned. */
    static final String NOT_TUNABLE = "gpt-35-turbo-0301";

    private static final Instant NOT_TUNABLE_CREATED = Instant.parse("2023-03-01T00:00:00Z");
    private static final Instant NOT_TUNABLE_FINE_TUNE_ENDED = Instant.parse("2024-06-14T00:00:00Z");
    private static final Duration FINE_TUNED_INFERENCE = Duration.ofDays(730);

    private final EmulatorState state;
    private final AzureJson json;

    AzureModelsHandler(EmulatorState state, AzureJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/models", this::list),
                Route.of("GET", "/models/{model}", this::get));
    }

    private Response list(Request request) {
        return state.transaction(s -> {
            List<ObjectNode> data = new ArrayList<>();
            s.models().all().forEach(m -> data.add(model(m)));
            data.add(notTunable());
            return json.ok(json.list(data, null));
        });
    }

    private Response get(Request request) {
        String id = request.pathParam("model");
        return state.transaction(s -> {
            Optional<ModelRecord> model = s.models().get(id);
            if (model.isPresent()) {
                return json.ok(model(model.get()));
            }
            if (id.equals(NOT_TUNABLE)) {
                return json.ok(notTunable());
            }
            throw AzureErrors.notFound("The model '" + id + "' does not exist.");
        });
    }

    private ObjectNode model(ModelRecord model) {
        if (model.isFineTuned()) {
            ObjectNode node = common(model.id(), model.created(), model.ownedBy());
            node.put("model", JobService.baseModelOf(model.id()));
            node.put("fine_tune", model.jobId());
            capabilities(node, true);
            node.putObject("deprecation").put("inference",
                    model.created().plus(FINE_TUNED_INFERENCE).getEpochSecond());
            return node;
        }
        ObjectNode node = common(model.id(), model.created(), model.ownedBy());
        if (AzureCatalog.isOpen(model.id())) {
            node.put("lifecycle_status", "preview");
        }
        capabilities(node, true);
        ObjectNode deprecation = node.putObject("deprecation");
        deprecation.put("fine_tune", FINE_TUNE_RETIREMENT.getEpochSecond());
        deprecation.put("inference", INFERENCE_RETIREMENT.getEpochSecond());
        return node;
    }

    private ObjectNode notTunable() {
        ObjectNode node = common(NOT_TUNABLE, NOT_TUNABLE_CREATED, ModelStore.BASE_OWNER);
        capabilities(node, false);
        ObjectNode deprecation = node.putObject("deprecation");
        deprecation.put("fine_tune", NOT_TUNABLE_FINE_TUNE_ENDED.getEpochSecond());
        deprecation.put("inference", INFERENCE_RETIREMENT.getEpochSecond());
        return node;
    }

    private ObjectNode common(String id, Instant created, String ownedBy) {
        ObjectNode node = json.object();
        node.put("object", "model");
        node.put("id", id);
        if (json.route() == AzureRoute.V1) {
            node.put("created", created.getEpochSecond());
            node.put("owned_by", ownedBy);
        }
        node.put("created_at", created.getEpochSecond());
        node.put("status", "succeeded");
        node.put("lifecycle_status", "generally-available");
        return node;
    }

    private static void capabilities(ObjectNode node, boolean fineTune) {
        ObjectNode capabilities = node.putObject("capabilities");
        capabilities.put("fine_tune", fineTune);
        capabilities.put("inference", true);
        capabilities.put("completion", false);
        capabilities.put("chat_completion", true);
        capabilities.put("embeddings", false);
    }
}
