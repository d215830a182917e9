package io.github.finetune4j.testkit.internal.together;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Credentials;
import io.github.finetune4j.testkit.internal.http.Dialect;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Together AI dialect, under {@code /together/v1} (what {@code https://api.together.xyz/v1} is for the
 * service), over its own state: {@code Authorization: Bearer <key>}, Together's error envelope
 * {@code {"error":{"message","type","param","code"}}}, and {@code x-request-id} on every response.
 */
public final class TogetherDialect extends Dialect {

    private static final String MISSING_KEY = "Missing API key: send Authorization: Bearer <key>. "
            + "(FineTuningEmulator: the key is FineTuningEmulator.apiKey().)";
    private static final String WRONG_KEY = "Invalid API key provided. (FineTuningEmulator: it accepts only "
            + "FineTuningEmulator.apiKey().)";

    private final Credentials credentials;
    private final TogetherJson json;
    private final TogetherStore store = new TogetherStore();

    /**
     * Creates the dialect.
     *
     * @param state the Together account's state
     * @param apiKey the one key accepted
     */
    public TogetherDialect(EmulatorState state, String apiKey) {
        super(List.of("together", "v1"));
        this.credentials = new Credentials(apiKey);
        this.json = new TogetherJson(state.mapper(), state.config().organization());
        List<Route> all = new ArrayList<>();
        all.addAll(new TogetherFilesHandler(state, store, json).routes());
        all.addAll(new TogetherCatalogHandler(state, store, json).routes());
        all.addAll(new TogetherJobsHandler(state, store, json).routes());
        all.addAll(new TogetherDownloadHandler(state, store).routes());
        all.addAll(new TogetherChatHandler(state, store, json).routes());
        routes(all);
    }

    /**
     * Returns the base models the Together side can fine-tune.
     *
     * @return the model names
     */
    public static List<String> baseModels() {
        return TogetherCatalog.ids();
    }

    /**
     * Sets the credit limit of the emulated account, in US dollars: a job whose estimated price is higher is
     * refused with 402, and the estimate says {@code allowed_to_proceed: false}. Call inside a transaction.
     *
     * @param dollars the limit, zero or more
     */
    public void creditLimit(double dollars) {
        store.creditLimit(dollars);
    }

    /**
     * Returns the archive a download of a job's weights serves. Call inside a transaction.
     *
     * @param jobId the job id, {@code ft-…}
     * @param checkpoint {@code merged}, {@code adapter} or {@code model_output_path}
     * @return the {@code .tar.gz} bytes
     * @throws ApiError when the job is unknown, not completed, or has no such weights
     */
    public byte[] artifact(String jobId, String checkpoint) {
        return AdapterArchive.build(store.job(jobId), checkpoint);
    }

    @Override
    public void authenticate(Request request) {
        credentials.requireBearer(request, new ApiError(401, "invalid_request_error", MISSING_KEY, null,
                "invalid_api_key", Map.of()), new ApiError(401, "invalid_request_error", WRONG_KEY, null,
                "invalid_api_key", Map.of()));
    }

    @Override
    public Response error(ApiError error) {
        return json.error(error);
    }

    @Override
    public ApiError unknownRoute(String method, String rawPath) {
        return ApiError.notFound("Unknown route " + method + " " + rawPath + " (the FineTuningEmulator serves "
                + "Together's files, fine-tunes, models and chat completions).", null, "not_found");
    }

    @Override
    public Response decorate(Response response, String requestId) {
        return response.withHeader("x-request-id", requestId).withHeader("x-total-time", "1");
    }
}
