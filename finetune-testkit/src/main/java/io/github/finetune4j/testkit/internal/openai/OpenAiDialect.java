package io.github.finetune4j.testkit.internal.openai;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Dialect;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI dialect: everything under {@code /v1}, {@code Authorization: Bearer <key>}, OpenAI's error body.
 */
public final class OpenAiDialect implements Dialect {

    private static final String MISSING_KEY = "You didn't provide an API key. You need to provide your API key in an "
            + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). The FineTuningEmulator "
            + "accepts the key it was started with (FineTuningEmulator.apiKey()).";
    private static final String WRONG_KEY = "Incorrect API key provided. The FineTuningEmulator accepts only the key "
            + "it was started with (FineTuningEmulator.apiKey()).";

    private final byte[] apiKey;
    private final String organization;
    private final OpenAiJson json;
    private final List<Route> routes;

    /**
     * Creates the dialect.
     *
     * @param state the emulator state
     * @param apiKey the one key accepted
     */
    public OpenAiDialect(EmulatorState state, String apiKey) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.organization = state.config().organization();
        this.json = new OpenAiJson(state.mapper(), state.config().organizationId());
        List<Route> all = new ArrayList<>();
        all.addAll(new FilesHandler(state, json).routes());
        all.addAll(new UploadsHandler(state, json).routes());
        all.addAll(new JobsHandler(state, json).routes());
        all.addAll(new ModelsHandler(state, json).routes());
        all.addAll(new ChatHandler(state, json).routes());
        this.routes = List.copyOf(all);
    }

    @Override
    public List<String> prefix() {
        return List.of("v1");
    }

    @Override
    public void authenticate(Request request) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw new ApiError(401, "invalid_request_error", MISSING_KEY, null, null, Map.of());
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!constantTimeEquals(given, apiKey)) {
            throw new ApiError(401, "invalid_request_error", WRONG_KEY, null, "invalid_api_key", Map.of());
        }
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public Response error(ApiError error) {
        return json.error(error);
    }

    @Override
    public ApiError unknownRoute(String method, String rawPath) {
        return ApiError.notFound("Invalid URL (" + method + " " + rawPath + ")", null, null);
    }

    @Override
    public Response decorate(Response response, String requestId) {
        return response.withHeader("x-request-id", requestId)
                .withHeader("openai-organization", organization)
                .withHeader("openai-version", "2020-10-01")
                .withHeader("openai-processing-ms", "1");
    }

    private static boolean constantTimeEquals(byte[] a, byte[] b) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return MessageDigest.isEqual(digest.digest(a), MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
