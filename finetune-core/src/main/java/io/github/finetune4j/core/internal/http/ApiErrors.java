package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.Redaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.error.ConflictException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ServerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

/**
 * The one mapping from an HTTP error response to the exception hierarchy. Understands OpenAI's
 * {@code {"error":{"message","type","param","code"}}}, Azure's {@code {"error":{"code","message","target","innererror"}}}
 * and OAuth's {@code {"error","error_description"}}.
 */
public final class ApiErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiErrors() {
    }

    /**
     * Parses the error fields of a body.
     *
     * @param provider the provider id
     * @param status the HTTP status
     * @param body the response body, may be empty
     * @param requestId the request id header, or null
     * @param retryAfter the requested delay, or null
     * @param secrets values that must not appear in any field (scrubbed with {@link Redaction#scrub(String,
     *     java.util.Collection)})
     * @return the details, every text field scrubbed
     */
    public static ApiErrorDetails details(String provider, int status, byte[] body, String requestId, Duration retryAfter,
                                         Collection<String> secrets) {
        String code = null;
        String type = null;
        String param = null;
        String message = null;
        try {
            JsonNode root = body.length == 0 ? null : MAPPER.readTree(body);
            JsonNode error = root == null ? null : root.has("error") && root.get("error").isObject() ? root.get("error") : root;
            if (root != null && root.isObject() && root.path("error").isTextual()) {
                // OAuth 2.0 token endpoints (Entra ID): {"error": "invalid_client", "error_description": "..."}
                code = text(root, "error");
                message = text(root, "error_description");
                if (message == null) {
                    message = text(root, "message");
                }
            } else if (error != null && error.isObject()) {
                code = text(error, "code");
                type = text(error, "type");
                param = text(error, "param");
                if (param == null) {
                    param = text(error, "target");
                }
                message = text(error, "message");
                JsonNode inner = error.get("innererror");
                if (inner != null && inner.isObject() && text(inner, "code") != null && code == null) {
                    code = text(inner, "code");
                }
            }
        } catch (IOException e) {
            message = new String(body, StandardCharsets.UTF_8);
        }
        if (message == null && body.length > 0 && code == null) {
            message = new String(body, StandardCharsets.UTF_8);
        }
        return new ApiErrorDetails(provider, status, Redaction.scrub(code, secrets), Redaction.scrub(type, secrets),
                Redaction.scrub(param, secrets), Redaction.scrub(message, secrets), requestId, retryAfter);
    }

    /**
     * The exception for an error status.
     *
     * @param details the parsed details
     * @return the exception, of the class matching the status
     */
    public static ApiException toException(ApiErrorDetails details) {
        int status = details.statusCode();
        switch (status) {
            case 400: case 422: return new BadRequestException(details);
            case 401: return new AuthenticationException(details);
            case 403: return new PermissionDeniedException(details);
            case 404: return new NotFoundException(details);
            case 409: return new ConflictException(details);
            case 429: return new RateLimitException(details);
            default:
                return status >= 500 && status <= 599 ? new ServerException(details) : new ApiException(details);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
