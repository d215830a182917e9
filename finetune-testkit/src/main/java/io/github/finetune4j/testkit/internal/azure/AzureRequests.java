package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;


/**
 * Reading Azure request bodies, and the URLs the emulator hands back ({@code Location},
 * {@code Azure-AsyncOperation}), which point at the host the client used.
 */
final class AzureRequests {

    private AzureRequests() {
    }

    /**
     * Parses a JSON object body.
     *
     * @throws ApiError 400 {@code invalidPayload} when the body is not a JSON object
     */
    static JsonNode json(ObjectMapper mapper, Request request) {
        JsonNode node = JsonResponses.objectBody(mapper, request);
        if (node == null) {
            throw AzureErrors.invalidPayload("The request body is not a valid JSON object.", null);
        }
        return node;
    }

    /** Reads an optional string field; a value of another type is a 400. */
    static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AzureErrors.invalidPayload("The field '" + field + "' must be a string.", field);
        }
        return value.asText();
    }

    /** Reads a required string field. */
    static String requiredString(JsonNode body, String field) {
        String value = optionalString(body, field);
        if (value == null || value.isEmpty()) {
            throw AzureErrors.invalidPayload("The field '" + field + "' is required.", field);
        }
        return value;
    }

    /** The scheme and authority the client reached the emulator at, e.g. {@code http://127.0.0.1:54321}. */
    static String origin(Request request) {
        String host = request.header("host");
        return "http://" + (host == null || host.isBlank() ? "127.0.0.1" : host.strip());
    }
}
