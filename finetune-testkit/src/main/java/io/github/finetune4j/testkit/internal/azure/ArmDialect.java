package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Credentials;
import io.github.finetune4j.testkit.internal.http.Dialect;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Azure Resource Manager, as far as deployments go: everything under {@code /subscriptions}. ARM takes only
 * {@code Authorization: Bearer <token>} (no {@code api-key}); the emulator accepts its API key as the token. Every
 * request needs an ARM {@code api-version} (a date from {@value #OLDEST_API_VERSION} on, with or without
 * {@code -preview}, e.g. {@code 2024-10-01}); a missing one is 400 {@code MissingApiVersionParameter}, a malformed
 * or older one 400 {@code InvalidApiVersionParameter}.
 */
public final class ArmDialect extends Dialect {

    /** The oldest ARM api-version accepted. */
    static final String OLDEST_API_VERSION = "2023-05-01";

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private final Credentials credentials;
    private final ArmJson json;

    /**
     * Creates the dialect.
     *
     * @param state the emulator state
     * @param apiKey the one bearer token accepted
     */
    public ArmDialect(EmulatorState state, String apiKey) {
        super(List.of("subscriptions"));
        this.credentials = new Credentials(apiKey);
        this.json = new ArmJson(state.mapper());
        List<Route> checked = new ArrayList<>();
        for (Route r : new ArmDeploymentsHandler(state, json).routes()) {
            checked.add(new Route(r.method(), r.template(), request -> {
                checkApiVersion(request);
                return r.handler().handle(request);
            }));
        }
        routes(checked);
    }

    @Override
    public void authenticate(Request request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw AzureErrors.of(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header "
                    + "is missing. (FineTuningEmulator: send Authorization: Bearer <FineTuningEmulator.apiKey()>; "
                    + "ARM takes no api-key.)", null);
        }
        if (!credentials.matches(Credentials.bearer(authorization))) {
            throw AzureErrors.of(401, "InvalidAuthenticationToken", "The access token is invalid. "
                    + "(FineTuningEmulator: the bearer token it accepts is FineTuningEmulator.apiKey().)", null);
        }
    }

    @Override
    public Response error(ApiError error) {
        return json.error(error);
    }

    @Override
    public ApiError unknownRoute(String method, String rawPath) {
        return AzureErrors.of(404, "InvalidResourceType", "The resource type could not be found in the namespace "
                + "'Microsoft.CognitiveServices': " + method + " " + rawPath + " is not emulated.", null);
    }

    @Override
    public Response decorate(Response response, String requestId) {
        String id = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)).toString();
        return response.withHeader("x-ms-request-id", id)
                .withHeader("x-ms-correlation-request-id", id);
    }

    private static void checkApiVersion(Request request) {
        String version = request.queryParam("api-version");
        if (version == null || version.isEmpty()) {
            throw AzureErrors.of(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.", null);
        }
        if (!VERSION.matcher(version).matches() || version.compareTo(OLDEST_API_VERSION) < 0) {
            throw AzureErrors.of(400, "InvalidApiVersionParameter", "The api-version '" + version + "' is invalid. "
                    + "Use an ARM api-version of Microsoft.CognitiveServices such as '2024-10-01'.", null);
        }
    }
}
