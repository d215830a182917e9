package io.github.finetune4j.openai.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads recorded responses from {@code src/test/resources/fixtures/openai}. */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /**
     * The text of a fixture.
     *
     * @param path relative to {@code fixtures/openai/}, for example {@code jobs/get-running.json}
     * @return the text
     */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/openai/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 200 JSON response with a fixture as body and a request id.
     *
     * @param path the fixture
     * @return the response
     */
    public static MockResponse json(String path) {
        return jsonBody(text(path));
    }

    /**
     * A 200 JSON response.
     *
     * @param body the body
     * @return the response
     */
    public static MockResponse jsonBody(String body) {
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_test123")
                .body(body)
                .build();
    }

    /**
     * A fixture as a JSON tree.
     *
     * @param path the fixture
     * @return the tree
     */
    public static JsonNode tree(String path) {
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
