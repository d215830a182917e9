package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Credentials;
import io.github.finetune4j.testkit.internal.http.Dialect;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.protocol.FileEndpoints;
import io.github.finetune4j.testkit.internal.protocol.JobEndpoints;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Azure OpenAI data plane on one route: {@code /openai/v1} or the dated {@code /openai} with
 * {@code api-version}. Callers authenticate with {@code api-key: <key>} or {@code Authorization: Bearer <key>}
 * (standing in for an Entra ID token); a missing or wrong one gets the gateway's 401. Every response carries
 * {@code apim-request-id}, {@code x-request-id} and {@code x-ms-region}.
 */
public final class AzureOpenAiDialect extends Dialect {

    /** What the emulated resource reports as its region in {@code x-ms-region}: it says what it is. */
    static final String REGION = "finetune4j FineTuningEmulator";

    private final AzureRoute route;
    private final Credentials credentials;
    private final AzureJson json;

    private AzureOpenAiDialect(EmulatorState state, String apiKey, AzureRoute route) {
        super(route.prefix());
        this.route = route;
        this.credentials = new Credentials(apiKey);
        this.json = new AzureJson(state.mapper(), route, state.config().transitionDuration());
        List<Route> all = new ArrayList<>();
        AzureProtocolRules rules = new AzureProtocolRules(state, json);
        all.addAll(new FileEndpoints(state, rules).routes());
        all.addAll(new JobEndpoints(state, rules).routes());
        all.addAll(rules.extraRoutes());
        all.addAll(new AzureModelsHandler(state, json).routes());
        all.addAll(new AzureChatHandler(state, json).routes());
        List<Route> checked = new ArrayList<>();
        for (Route r : all) {
            checked.add(new Route(r.method(), r.template(), request -> {
                AzureApiVersion.of(request, route);
                return r.handler().handle(request);
            }));
        }
        routes(checked);
    }

    /**
     * The v1 route, {@code /openai/v1/...}.
     *
     * @param state the emulator state
     * @param apiKey the one key accepted
     * @return the dialect
     */
    public static AzureOpenAiDialect v1(EmulatorState state, String apiKey) {
        return new AzureOpenAiDialect(state, apiKey, AzureRoute.V1);
    }

    /**
     * The dated route, {@code /openai/...?api-version=}.
     *
     * @param state the emulator state
     * @param apiKey the one key accepted
     * @return the dialect
     */
    public static AzureOpenAiDialect dated(EmulatorState state, String apiKey) {
        return new AzureOpenAiDialect(state, apiKey, AzureRoute.DATED);
    }

    @Override
    public void authenticate(Request request) {
        String key = request.header("api-key");
        if (key != null) {
            if (!credentials.matches(key)) {
                throw AzureErrors.of(401, "401", AzureErrors.ACCESS_DENIED, null);
            }
            return;
        }
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw AzureErrors.of(401, "401", AzureErrors.ACCESS_DENIED, null);
        }
        if (!credentials.matches(Credentials.bearer(authorization))) {
            throw AzureErrors.of(401, "401", AzureErrors.BAD_TOKEN, null);
        }
    }

    @Override
    public Response error(ApiError error) {
        return json.error(error);
    }

    @Override
    public ApiError unknownRoute(String method, String rawPath) {
        return AzureErrors.resourceNotFound();
    }

    @Override
    public Response decorate(Response response, String requestId) {
        String id = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)).toString();
        return response.withHeader("apim-request-id", id)
                .withHeader("x-request-id", id)
                .withHeader("x-ms-region", REGION);
    }
}
