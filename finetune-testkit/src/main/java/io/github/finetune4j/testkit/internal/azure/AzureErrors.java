package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.http.ApiError;

import java.util.Map;

/**
 * Errors in Azure's words. An {@link ApiError} whose {@link ApiError#type()} is {@link #AZURE} already carries an
 * Azure code; any other (thrown by the shared state, or by fault injection) gets one from its HTTP status.
 */
final class AzureErrors {

    /** The marker type of errors whose code is already Azure's. */
    static final String AZURE = "azure";

    static final String RESOURCE_NOT_FOUND = "Resource not found";
    static final String ACCESS_DENIED = "Access denied due to invalid subscription key or wrong API endpoint. Make "
            + "sure to provide a valid key for an active subscription and use a correct regional API endpoint for "
            + "your resource. (FineTuningEmulator: send api-key: <FineTuningEmulator.apiKey()>.)";
    static final String BAD_TOKEN = "Unauthorized. Access token is missing, invalid, audience is incorrect "
            + "(https://cognitiveservices.azure.com), or have expired. (FineTuningEmulator: the bearer token it "
            + "accepts is FineTuningEmulator.apiKey().)";
    static final String DEPLOYMENT_NOT_FOUND = "The API deployment for this resource does not exist. If you created "
            + "the deployment within the last 5 minutes, please wait a moment and try again.";

    private AzureErrors() {
    }

    static ApiError of(int status, String code, String message, String target) {
        return new ApiError(status, AZURE, message, target, code, Map.of());
    }

    static ApiError invalidPayload(String message, String target) {
        return of(400, "invalidPayload", message, target);
    }

    static ApiError notFound(String message) {
        return of(404, "notFound", message, null);
    }

    /** What the gateway answers for an unknown path or a missing or unsupported {@code api-version}. */
    static ApiError resourceNotFound() {
        return of(404, "404", RESOURCE_NOT_FOUND, null);
    }

    static ApiError deploymentNotFound() {
        return of(404, "DeploymentNotFound", DEPLOYMENT_NOT_FOUND, null);
    }

    /**
     * Returns the Azure code for an error.
     *
     * @param error the error
     * @return the code: its own when it is an Azure error, else one from the authoring spec's {@code ErrorCode}
     *     chosen by status (429 gets the gateway's {@code "429"})
     */
    static String code(ApiError error) {
        if ((AZURE.equals(error.type()) || error.isVerbatim()) && error.code() != null) {
            return error.code();
        }
        switch (error.status()) {
            case 400:
            case 422:
                return "invalidPayload";
            case 401:
                return "unauthorized";
            case 403:
                return "forbidden";
            case 404:
                return "notFound";
            case 409:
                return "conflict";
            case 429:
                return "429";
            case 503:
                return "serviceUnavailable";
            default:
                return error.status() >= 500 ? "internalFailure" : Integer.toString(error.status());
        }
    }

    /**
     * Returns the message for an error: for a 429 the gateway's wording with the retry delay.
     *
     * @param error the error
     * @return the message
     */
    static String message(ApiError error) {
        if (error.status() == 429 && !AZURE.equals(error.type()) && !error.isVerbatim()) {
            String seconds = error.headers().getOrDefault("retry-after", "1");
            return "Requests to the Azure OpenAI API have exceeded the call rate limit of your current pricing tier. "
                    + "Please retry after " + seconds + " seconds. (Injected by FineTuningEmulator.)";
        }
        return error.getMessage();
    }
}
