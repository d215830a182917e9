package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.chat.ChatTargets;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.ArmOperation;
import io.github.finetune4j.testkit.internal.state.DeploymentRecord;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ARM deployments of the one emulated account (any subscription, resource group and account name in the path
 * address it): list, get, PUT (create or update; 201 or 200, {@code provisioningState} {@code Creating}, then
 * {@code Succeeded} after the deployment duration, or {@code Failed} when {@code properties.model.name} is neither
 * a fine-tuned model, a checkpoint nor a base model) and DELETE (202 and {@code Deleting} for
 * {@link io.github.finetune4j.testkit.internal.state.EmulatorConfig#TRANSITION} (sped up like every phase),
 * 204 when there is no such
 * deployment). PUT and DELETE answer with {@code Azure-AsyncOperation} and {@code Location} URLs on the host the
 * client used, served here as well.
 */
final class ArmDeploymentsHandler {

    /** The ARM location of the emulated account. */
    static final String LOCATION = "swedencentral";

    private static final String ACCOUNT = "/{subscription}/resourceGroups/{resourceGroup}/providers/"
            + "Microsoft.CognitiveServices/accounts/{account}";
    private static final String OPERATIONS = "/{subscription}/providers/Microsoft.CognitiveServices/locations/"
            + "{location}";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> SKUS = List.of("Standard", "GlobalStandard", "DataZoneStandard",
            "DeveloperTier", "ProvisionedManaged", "GlobalProvisionedManaged", "DataZoneProvisionedManaged",
            "GlobalBatch", "DataZoneBatch");

    private final EmulatorState state;
    private final ArmJson json;

    ArmDeploymentsHandler(EmulatorState state, ArmJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", ACCOUNT + "/deployments", this::list),
                Route.of("GET", ACCOUNT + "/deployments/{name}", this::get),
                Route.of("PUT", ACCOUNT + "/deployments/{name}", this::put),
                Route.of("DELETE", ACCOUNT + "/deployments/{name}", this::delete),
                Route.of("GET", OPERATIONS + "/operationStatuses/{operation}", this::operationStatus),
                Route.of("GET", OPERATIONS + "/operationResults/{operation}", this::operationResult));
    }

    private Response list(Request request) {
        return state.transaction(s -> {
            ObjectNode list = json.object();
            ArrayNode value = list.putArray("value");
            s.deployments().all().forEach(d -> value.add(json.deployment(d, s.now())));
            return json.respond(200, list);
        });
    }

    private Response get(Request request) {
        return state.transaction(s -> json.respond(200, json.deployment(find(s, request), s.now())));
    }

    private Response put(Request request) {
        String name = request.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            throw error(400, "InvalidResourceName", "The deployment name '" + name + "' is invalid: use 1 to 64 "
                    + "letters, digits, '.', '-' or '_'.", null);
        }
        DeploymentRecord.Spec spec = spec(body(request));
        String resourceId = "/subscriptions/" + request.pathParam("subscription") + "/resourceGroups/"
                + request.pathParam("resourceGroup") + "/providers/Microsoft.CognitiveServices/accounts/"
                + request.pathParam("account") + "/deployments/" + name;
        return state.transaction(s -> {
            Optional<DeploymentRecord> existing = s.deployments().get(name);
            if (existing.isPresent() && existing.get().isDeleting()) {
                throw error(409, "Conflict", "The deployment '" + name + "' is being deleted.", null);
            }
            Optional<String> served = ChatTargets.deployable(s, spec.modelName(), spec.modelVersion());
            DeploymentRecord.Failure failure = served.isPresent() ? null : new DeploymentRecord.Failure(
                    "DeploymentModelNotSupported", "The model '" + spec.modelName() + "' (format '"
                    + spec.modelFormat() + "', version '" + spec.modelVersion() + "') does not exist in this "
                    + "account: it is neither a fine-tuned model that has been created, nor one of its checkpoints, "
                    + "nor a base model.");
            String operation = operationId(s);
            DeploymentRecord record = s.deployments().createOrUpdate(name, resourceId, spec, served.orElse(null),
                    failure, s.now(), s.config().deploymentDuration(), operation);
            return withOperationHeaders(json.respond(existing.isPresent() ? 200 : 201,
                    json.deployment(record, s.now())), request, operation);
        });
    }

    private Response delete(Request request) {
        String name = request.pathParam("name");
        return state.transaction(s -> {
            Optional<DeploymentRecord> existing = s.deployments().get(name);
            if (existing.isEmpty()) {
                return new Response(204, Map.of(), new byte[0]);
            }
            DeploymentRecord record = existing.get();
            if (!record.isDeleting()) {
                s.deployments().delete(record, s.now(), s.config().transitionDuration(), operationId(s));
            }
            return withOperationHeaders(new Response(202, Map.of(), new byte[0]), request, record.operationId());
        });
    }

    private Response operationStatus(Request request) {
        return state.transaction(s -> {
            ArmOperation operation = operation(s, request);
            return json.respond(200, json.operation(operation, "/subscriptions/"
                    + request.pathParam("subscription") + "/providers/Microsoft.CognitiveServices/locations/"
                    + request.pathParam("location") + "/operationStatuses/" + operation.id(), s.now()));
        });
    }

    /** The {@code Location} URL: 202 while in progress, then the deployment (PUT), 204 (DELETE) or the error. */
    private Response operationResult(Request request) {
        return state.transaction(s -> {
            ArmOperation operation = operation(s, request);
            String status = operation.status(s.now());
            if (status.equals("InProgress")) {
                return new Response(202, Map.of("Location", url(request, "operationResults", operation.id())),
                        new byte[0]);
            }
            if (status.equals("Failed")) {
                throw error(400, operation.failure().code(), operation.failure().message(), null);
            }
            if (operation.kind() == ArmOperation.Kind.DELETE) {
                return new Response(204, Map.of(), new byte[0]);
            }
            return s.deployments().get(operation.deploymentKey())
                    .map(d -> json.respond(200, json.deployment(d, s.now())))
                    .orElseGet(() -> new Response(204, Map.of(), new byte[0]));
        });
    }

    private JsonNode body(Request request) {
        JsonNode body;
        try {
            body = request.body().length == 0 ? null : state.mapper().readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw error(400, "InvalidRequestContent", "The request content was invalid and could not be "
                    + "deserialized: the body must be a JSON object.", null);
        }
        return body;
    }

    private static DeploymentRecord.Spec spec(JsonNode body) {
        JsonNode sku = body.get("sku");
        if (sku == null || !sku.isObject() || !sku.path("name").isTextual()) {
            throw invalidProperties("The deployment needs sku.name, e.g. {\"sku\": {\"name\": \"Standard\", "
                    + "\"capacity\": 1}}.", "sku.name");
        }
        String skuName = SKUS.stream().filter(k -> k.equalsIgnoreCase(sku.get("name").asText())).findFirst()
                .orElseThrow(() -> invalidProperties("The SKU '" + sku.get("name").asText() + "' is not supported "
                        + "for deployments; use one of " + SKUS + ".", "sku.name"));
        JsonNode capacityNode = sku.get("capacity");
        int capacity = 1;
        if (capacityNode != null && !capacityNode.isNull()) {
            if (!capacityNode.isIntegralNumber() || capacityNode.asInt() < 1) {
                throw invalidProperties("The sku.capacity must be a positive integer.", "sku.capacity");
            }
            capacity = capacityNode.asInt();
        }
        JsonNode properties = body.path("properties");
        JsonNode model = properties.path("model");
        if (!model.path("name").isTextual() || model.get("name").asText().isBlank()) {
            throw invalidProperties("The deployment needs properties.model.name: the fine-tuned model "
                    + "(fine_tuned_model of the job), a checkpoint or a base model.", "properties.model.name");
        }
        String format = model.path("format").asText("OpenAI");
        if (!format.equalsIgnoreCase("OpenAI")) {
            throw invalidProperties("The model format '" + format + "' is not supported; use 'OpenAI'.",
                    "properties.model.format");
        }
        String version = model.path("version").isTextual() ? model.get("version").asText() : "1";
        String rai = properties.path("raiPolicyName").isTextual() ? properties.get("raiPolicyName").asText()
                : "Microsoft.DefaultV2";
        String upgrade = properties.path("versionUpgradeOption").isTextual()
                ? properties.get("versionUpgradeOption").asText() : "NoAutoUpgrade";
        Map<String, String> tags = null;
        if (body.path("tags").isObject()) {
            tags = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> tag : body.get("tags").properties()) {
                tags.put(tag.getKey(), tag.getValue().asText());
            }
        }
        return new DeploymentRecord.Spec(skuName, capacity, "OpenAI", model.get("name").asText(), version, rai,
                upgrade, tags);
    }

    private Response withOperationHeaders(Response response, Request request, String operation) {
        return response.withHeader("Azure-AsyncOperation", url(request, "operationStatuses", operation))
                .withHeader("Location", url(request, "operationResults", operation));
    }

    private static String url(Request request, String kind, String operation) {
        return AzureRequests.origin(request) + "/subscriptions/" + request.pathParam("subscription")
                + "/providers/Microsoft.CognitiveServices/locations/" + LOCATION + "/" + kind + "/" + operation
                + "?api-version=" + request.queryParam("api-version");
    }

    private static DeploymentRecord find(EmulatorState s, Request request) {
        String name = request.pathParam("name");
        return s.deployments().get(name).orElseThrow(() -> error(404, "ResourceNotFound", "The Resource "
                + "'Microsoft.CognitiveServices/accounts/" + request.pathParam("account") + "/deployments/" + name
                + "' under resource group '" + request.pathParam("resourceGroup") + "' was not found.", null));
    }

    private static ArmOperation operation(EmulatorState s, Request request) {
        String id = request.pathParam("operation");
        return s.deployments().operation(id).orElseThrow(() -> error(404, "ResourceNotFound",
                "The operation '" + id + "' was not found.", null));
    }

    private static String operationId(EmulatorState s) {
        String hex = s.ids().nextHex("", 32);
        return (hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20)).toLowerCase(Locale.ROOT);
    }

    private static ApiError invalidProperties(String message, String target) {
        return error(400, "InvalidResourceProperties", message, target);
    }

    private static ApiError error(int status, String code, String message, String target) {
        return AzureErrors.of(status, code, message, target);
    }
}
