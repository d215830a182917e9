package io.github.finetune4j.azure.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads recorded Azure-shaped responses from {@code src/test/resources/fixtures/azure}. */
public final class Fixtures {
    /** The request id every fixture response carries. */
    public static final String REQUEST_ID = "00000000-aaaa-bbbb-cccc-000000000001";
    /** The region every fixture response carries. */
    public static final String REGION = "Sweden Central";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /**
     * The text of a fixture.
     *
     * @param path relative to {@code fixtures/azure/}
     * @return the text
     */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/azure/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 200 JSON response with a fixture body and Azure's headers.
     *
     * @param path the fixture
     * @return the response
     */
    public static MockResponse json(String path) {
        return json(200, path);
    }

    /**
     * A JSON response with a fixture body and Azure's headers.
     *
     * @param code the status
     * @param path the fixture
     * @return the response
     */
    public static MockResponse json(int code, String path) {
        return jsonBody(code, text(path));
    }

    /**
     * A JSON response with Azure's headers.
     *
     * @param code the status
     * @param body the body
     * @return the response
     */
    public static MockResponse jsonBody(int code, String body) {
        return builder(code).body(body).build();
    }

    /**
     * A response builder with Azure's headers.
     *
     * @param code the status
     * @return the builder
     */
    public static MockResponse.Builder builder(int code) {
        return new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("apim-request-id", REQUEST_ID)
                .addHeader("x-ms-region", REGION);
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
