package io.github.finetune4j.testkit.internal.openai;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Credentials;
import io.github.finetune4j.testkit.internal.http.Dialect;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.protocol.FileEndpoints;
import io.github.finetune4j.testkit.internal.protocol.JobEndpoints;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI dialect: everything under {@code /v1}, {@code Authorization: Bearer <key>}, OpenAI's error body.
 */
public final class OpenAiDialect extends Dialect {

    private static final String MISSING_KEY = "You didn't provide an API key. You need to provide your API key in an "
            + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). The FineTuningEmulator "
            + "accepts the key it was started with (FineTuningEmulator.apiKey()).";
    private static final String WRONG_KEY = "Incorrect API key provided. The FineTuningEmulator accepts only the key "
            + "it was started with (FineTuningEmulator.apiKey()).";

    private final Credentials credentials;
    private final String organization;
    private final OpenAiJson json;

    /**
     * Creates the dialect.
     *
     * @param state the emulator state
     * @param apiKey the one key accepted
     */
    public OpenAiDialect(EmulatorState state, String apiKey) {
        super(List.of("v1"));
        this.credentials = new Credentials(apiKey);
        this.organization = state.config().organization();
        this.json = new OpenAiJson(state.mapper(), state.config().organizationId());
        List<Route> all = new ArrayList<>();
        OpenAiProtocolRules rules = new OpenAiProtocolRules(state, json);
        all.addAll(new FileEndpoints(state, rules).routes());
        all.addAll(new UploadsHandler(state, json).routes());
        all.addAll(new JobEndpoints(state, rules).routes());
        all.addAll(new ModelsHandler(state, json).routes());
        all.addAll(new ChatHandler(state, json).routes());
        routes(all);
    }

    @Override
    public void authenticate(Request request) {
        credentials.requireBearer(request, new ApiError(401, "invalid_request_error", MISSING_KEY, null, null,
                Map.of()), new ApiError(401, "invalid_request_error", WRONG_KEY, null, "invalid_api_key", Map.of()));
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
}
