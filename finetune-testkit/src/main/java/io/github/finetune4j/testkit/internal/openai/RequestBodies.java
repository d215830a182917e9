package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;


/**
 * Reading JSON request bodies and their fields, with the service's error messages.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static JsonNode json(ObjectMapper mapper, Request request) {
        JsonNode node = JsonResponses.objectBody(mapper, request);
        if (node == null) {
            throw ApiError.invalidRequest("We could not parse the JSON body of your request. (HINT: This likely "
                    + "means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, "
                    + "but what was sent was not valid JSON.)", null);
        }
        return node;
    }

    /** Rejects keys the operation does not know, as the service does, so that typos show in tests. */
    static void rejectUnknownKeys(JsonNode body, java.util.Set<String> known) {
        for (java.util.Map.Entry<String, JsonNode> field : body.properties()) {
            if (!known.contains(field.getKey())) {
                throw ApiError.invalidRequest("Unrecognized request argument supplied: " + field.getKey(),
                        field.getKey());
            }
        }
    }

    static String requiredString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.invalidRequest("Missing required parameter: '" + field + "'.", field,
                    "missing_required_parameter");
        }
        if (!value.isTextual()) {
            throw invalidType(field, "a string");
        }
        return value.asText();
    }

    static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalidType(field, "a string");
        }
        return value.asText();
    }

    static ApiError invalidType(String field, String expected) {
        return ApiError.invalidRequest("Invalid type for '" + field + "': expected " + expected + ".", field,
                "invalid_type");
    }
}
