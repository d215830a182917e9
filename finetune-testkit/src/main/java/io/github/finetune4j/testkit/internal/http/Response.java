package io.github.finetune4j.testkit.internal.http;

import io.github.finetune4j.testkit.internal.blob.Blob;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body, possibly empty; ignored when {@code stream} is set
 * @param stream content streamed from memory or disk instead of {@code body}, or null
 */
public record Response(int status, Map<String, String> headers, byte[] body, Blob stream) {

    /** The JSON content type. */
    public static final String JSON = "application/json";
    public Response {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A response with a body in memory.
     *
     * @param status the status
     * @param headers the headers
     * @param body the body, possibly empty
     */
    public Response(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    /**
     * A response streamed from a blob, for downloads of any size.
     *
     * @param status the status
     * @param contentType the content type
     * @param content the content
     * @return the response
     */
    public static Response streamed(int status, String contentType, Blob content) {
        return new Response(status, Map.of("Content-Type", contentType), new byte[0], content);
    }

    /**
     * Returns the length of the body.
     *
     * @return the number of bytes that will be sent
     */
    public long length() {
        return stream != null ? stream.size() : body.length;
    }

    /**
     * Opens the body for writing it out.
     *
     * @return a stream of the body
     */
    public java.io.InputStream open() {
        return stream != null ? stream.open() : new java.io.ByteArrayInputStream(body);
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
        return new Response(status, copy, body, stream);
    }
}
