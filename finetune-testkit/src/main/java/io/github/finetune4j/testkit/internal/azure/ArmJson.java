package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.state.ArmOperation;
import io.github.finetune4j.testkit.internal.state.DeploymentRecord;
import io.github.finetune4j.testkit.internal.state.IdGenerator;

import java.time.Instant;
import java.util.Map;

/**
 * The ARM shapes: {@code Deployment} of the Cognitive Services spec 2024-10-01, the list
 * ({@code {"value": [...]}}), the {@code Azure-AsyncOperation} status and ARM's error body
 * {@code {"error":{"code","message"}}}.
 */
final class ArmJson {

    /** The ARM resource type of deployments. */
    static final String TYPE = "Microsoft.CognitiveServices/accounts/deployments";

    private final ObjectMapper mapper;

    ArmJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    Response respond(int status, JsonNode node) {
        return JsonResponses.of(mapper, status, node);
    }

    Response error(ApiError error) {
        ObjectNode body = object();
        ObjectNode inner = body.putObject("error");
        inner.put("code", code(error));
        inner.put("message", error.status() == 429 && !AzureErrors.AZURE.equals(error.type()) && !error.isVerbatim()
                ? "The request is being throttled. Retry after the delay in the Retry-After header. (Injected by "
                + "FineTuningEmulator.)" : error.getMessage());
        if (error.param() != null) {
            inner.put("target", error.param());
        }
        return JsonResponses.withHeaders(respond(error.status(), body), error);
    }

    ObjectNode deployment(DeploymentRecord record, Instant now) {
        DeploymentRecord.Spec spec = record.spec();
        ObjectNode node = object();
        node.put("id", record.resourceId());
        node.put("type", TYPE);
        node.put("name", record.name());
        ObjectNode sku = node.putObject("sku");
        sku.put("name", spec.skuName());
        sku.put("capacity", spec.capacity());
        if (spec.tags() != null) {
            ObjectNode tags = node.putObject("tags");
            spec.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> tags.put(e.getKey(), e.getValue()));
        }
        node.put("etag", "\"" + IdGenerator.derivedHex("", record.resourceId() + "@" + record.modifiedAt(), 32)
                + "\"");
        ObjectNode systemData = node.putObject("systemData");
        systemData.put("createdBy", "FineTuningEmulator");
        systemData.put("createdByType", "User");
        systemData.put("createdAt", record.createdAt().toString());
        systemData.put("lastModifiedBy", "FineTuningEmulator");
        systemData.put("lastModifiedByType", "User");
        systemData.put("lastModifiedAt", record.modifiedAt().toString());
        ObjectNode properties = node.putObject("properties");
        ObjectNode model = properties.putObject("model");
        model.put("format", spec.modelFormat());
        model.put("name", spec.modelName());
        model.put("version", spec.modelVersion());
        properties.put("versionUpgradeOption", spec.versionUpgradeOption());
        ObjectNode capabilities = properties.putObject("capabilities");
        capabilities.put("chatCompletion", "true");
        properties.put("provisioningState", record.provisioningState(now));
        ArrayNode rateLimits = properties.putArray("rateLimits");
        ObjectNode requests = rateLimits.addObject();
        requests.put("key", "request");
        requests.put("renewalPeriod", 10);
        requests.put("count", spec.capacity());
        ObjectNode tokens = rateLimits.addObject();
        tokens.put("key", "token");
        tokens.put("renewalPeriod", 60);
        tokens.put("count", spec.capacity() * 1000L);
        properties.put("currentCapacity", spec.capacity());
        properties.put("raiPolicyName", spec.raiPolicyName());
        return node;
    }

    ObjectNode operation(ArmOperation operation, String path, Instant now) {
        ObjectNode node = object();
        node.put("id", path);
        node.put("name", operation.id());
        String status = operation.status(now);
        node.put("status", status);
        node.put("startTime", operation.startedAt().toString());
        if (!status.equals("InProgress")) {
            node.put("endTime", operation.endsAt().toString());
        }
        if (status.equals("Failed")) {
            ObjectNode error = node.putObject("error");
            error.put("code", operation.failure().code());
            error.put("message", operation.failure().message());
        }
        return node;
    }

    private static String code(ApiError error) {
        if ((AzureErrors.AZURE.equals(error.type()) || error.isVerbatim()) && error.code() != null) {
            return error.code();
        }
        switch (error.status()) {
            case 400:
                return "BadRequest";
            case 401:
                return "AuthenticationFailed";
            case 403:
                return "AuthorizationFailed";
            case 404:
                return "ResourceNotFound";
            case 409:
                return "Conflict";
            case 429:
                return "TooManyRequests";
            case 503:
                return "ServiceUnavailable";
            default:
                return error.status() >= 500 ? "InternalServerError" : Integer.toString(error.status());
        }
    }
}
