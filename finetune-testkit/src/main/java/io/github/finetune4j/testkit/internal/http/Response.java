package io.github.finetune4j.testkit.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body, possibly empty
 */
public record Response(int status, Map<String, String> headers, byte[] body) {

    /** The JSON content type. */
    public static final String JSON = "application/json";
    public Response {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A JSON response.
     *
     * @param status the status
     * @param json the serialised JSON
     * @return the response
     */
    public static Response json(int status, String json) {
        return new Response(status, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A response with raw bytes.
     *
     * @param status the status
     * @param contentType the content type
     * @param body the bytes
     * @return the response
     */
    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, Map.of("Content-Type", contentType), body);
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name the header name
     * @param value the value
     * @return the copy
     */
    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }
}
