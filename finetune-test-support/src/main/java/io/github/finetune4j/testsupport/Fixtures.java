package io.github.finetune4j.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Recorded responses of one provider, read from {@code src/test/resources/fixtures/<provider>/}, served with the
 * headers that provider's answers carry (request id, region). Immutable.
 *
 * <pre>{@code
 * static final Fixtures FIXTURES = Fixtures.in("azure").withHeader("apim-request-id", REQUEST_ID);
 * server.enqueue(FIXTURES.json(201, "jobs/create-pending.json"));
 * }</pre>
 */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String folder;
    private final Map<String, String> headers;

    private Fixtures(String folder, Map<String, String> headers) {
        this.folder = folder;
        this.headers = headers;
    }

    /**
     * The fixtures of a provider.
     *
     * @param provider the folder below {@code fixtures/}, for example {@code openai}
     * @return the fixtures, with {@code Content-Type: application/json} on every response
     */
    public static Fixtures in(String provider) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new Fixtures(Objects.requireNonNull(provider, "provider"), headers);
    }

    /**
     * These fixtures with one more header on every response.
     *
     * @param name the header
     * @param value its value
     * @return new fixtures
     */
    public Fixtures withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Fixtures(folder, copy);
    }

    /**
     * The text of a fixture.
     *
     * @param path relative to the provider's folder, for example {@code jobs/get-running.json}
     * @return the text
     */
    public String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + folder + "/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + folder + "/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 200 response with a fixture as body.
     *
     * @param path the fixture
     * @return the response
     */
    public MockResponse json(String path) {
        return json(200, path);
    }

    /**
     * A response with a fixture as body.
     *
     * @param code the status
     * @param path the fixture
     * @return the response
     */
    public MockResponse json(int code, String path) {
        return jsonBody(code, text(path));
    }

    /**
     * A 200 response with a body.
     *
     * @param body the body
     * @return the response
     */
    public MockResponse jsonBody(String body) {
        return jsonBody(200, body);
    }

    /**
     * A response with a body.
     *
     * @param code the status
     * @param body the body
     * @return the response
     */
    public MockResponse jsonBody(int code, String body) {
        return builder(code).body(body).build();
    }

    /**
     * A response builder with the provider's headers.
     *
     * @param code the status
     * @return the builder
     */
    public MockResponse.Builder builder(int code) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code);
        headers.forEach(builder::addHeader);
        return builder;
    }

    /**
     * A fixture as a JSON tree.
     *
     * @param path the fixture
     * @return the tree
     */
    public JsonNode tree(String path) {
        return parse(text(path));
    }

    /**
     * Parses JSON text.
     *
     * @param json the text
     * @return the tree
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
