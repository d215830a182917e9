package io.github.finetune4j.testkit.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON in and out, for every dialect: serialising a response, carrying an error's headers, and reading a request
 * body that must be a JSON object.
 */
public final class JsonResponses {

    private JsonResponses() {
    }

    /**
     * Serialises a JSON response.
     *
     * @param mapper the mapper
     * @param status the HTTP status
     * @param node the body
     * @return the response
     */
    public static Response of(ObjectMapper mapper, int status, JsonNode node) {
        try {
            return Response.json(status, mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds an error's extra headers ({@code retry-after} …) to its rendered response.
     *
     * @param response the rendered error
     * @param error the error
     * @return the response with the headers
     */
    public static Response withHeaders(Response response, ApiError error) {
        Response out = response;
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }

    /**
     * Reads a request body that must be a JSON object.
     *
     * @param mapper the mapper
     * @param request the request
     * @return the object, or null when the body is empty, not JSON, or not an object (the caller answers 400 in
     *     its dialect's words)
     */
    public static ObjectNode objectBody(ObjectMapper mapper, Request request) {
        try {
            JsonNode node = request.body().length == 0 ? null : mapper.readTree(request.body());
            return node != null && node.isObject() ? (ObjectNode) node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
