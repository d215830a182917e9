package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code api-version} of a data-plane request. The dated route requires one: a GA version that has
 * {@code /fine_tuning/jobs} ({@code 2024-02-01}, {@code 2024-06-01}, {@code 2024-10-21}) or a dated preview from
 * {@code 2023-12-01-preview} on; a missing or unknown one is answered as the service answers it, with 404
 * {@code "Resource not found"}. On v1 it is optional: absent, {@code v1} or {@code preview}.
 *
 * @param value the value as sent, or {@code v1} when absent on the v1 route
 * @param route the route
 */
record AzureApiVersion(String value, AzureRoute route) {

    /** The latest GA authoring version. */
    static final String GA = "2024-10-21";

    /** The first dated preview with pause, resume, {@code method} and {@code integrations}. */
    static final String PREVIEW_JOB_FEATURES = "2025-04-01-preview";

    private static final Set<String> GA_VERSIONS = Set.of("2024-02-01", "2024-06-01", GA);
    private static final Pattern PREVIEW = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-preview");
    private static final String FIRST_PREVIEW = "2023-12-01-preview";

    /**
     * Reads and checks the version of a request.
     *
     * @param request the request
     * @param route the route it came in on
     * @return the version
     * @throws ApiError 404 on the dated route for a missing or unsupported version, 400 on v1 for an unknown one
     */
    static AzureApiVersion of(Request request, AzureRoute route) {
        String value = request.queryParam("api-version");
        if (route == AzureRoute.V1) {
            if (value == null || value.isEmpty()) {
                return new AzureApiVersion("v1", route);
            }
            if (!value.equals("v1") && !value.equals("preview")) {
                throw AzureErrors.of(400, "BadRequest", "API version not supported: '" + value + "'. The v1 route "
                        + "takes api-version 'v1' or 'preview', or none.", "api-version");
            }
            return new AzureApiVersion(value, route);
        }
        if (value == null || !(GA_VERSIONS.contains(value)
                || (PREVIEW.matcher(value).matches() && value.compareTo(FIRST_PREVIEW) >= 0))) {
            throw AzureErrors.resourceNotFound();
        }
        return new AzureApiVersion(value, route);
    }

    /** Tells whether pause, resume, {@code method} and {@code integrations} exist on this version. */
    boolean hasPreviewJobFeatures() {
        return route == AzureRoute.V1 || (value.endsWith("-preview") && value.compareTo(PREVIEW_JOB_FEATURES) >= 0);
    }

    /** The query string to append to URLs of this route, e.g. {@code ?api-version=2024-10-21}, or empty. */
    String query() {
        return route == AzureRoute.DATED ? "?api-version=" + value : "";
    }
}
