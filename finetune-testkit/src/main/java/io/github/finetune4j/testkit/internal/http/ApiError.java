package io.github.finetune4j.testkit.internal.http;

import java.util.Map;

/**
 * An error the emulated service answers with. A dialect renders it in its own error body; for OpenAI that is
 * {@code {"error":{"message","type","param","code"}}}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Map<String, String> headers;
    private final boolean verbatim;

    /**
     * Creates an error.
     *
     * @param status the HTTP status
     * @param type the error type, e.g. {@code invalid_request_error}
     * @param message the message shown to the caller
     * @param param the offending parameter, or null
     * @param code the error code, or null
     * @param headers extra response headers, never null
     */
    public ApiError(int status, String type, String message, String param, String code, Map<String, String> headers) {
        this(status, type, message, param, code, headers, false);
    }

    private ApiError(int status, String type, String message, String param, String code, Map<String, String> headers,
                     boolean verbatim) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.verbatim = verbatim;
    }

    /**
     * An error every dialect renders with exactly this code, param and message, instead of its own words for
     * the status: what an injected gateway or quota fault sends.
     *
     * @param status the HTTP status
     * @param type the error type
     * @param message the message
     * @param param the param, or null
     * @param code the code, or null
     * @return the error
     */
    public static ApiError verbatim(int status, String type, String message, String param, String code) {
        return new ApiError(status, type, message, param, code, Map.of(), true);
    }

    /**
     * Tells whether dialects must render this error's code, param and message as they are.
     *
     * @return true for {@link #verbatim} errors
     */
    public boolean isVerbatim() {
        return verbatim;
    }

    /**
     * A 400 {@code invalid_request_error} without a code.
     *
     * @param message the message
     * @param param the parameter, or null
     * @return the error
     */
    public static ApiError invalidRequest(String message, String param) {
        return new ApiError(400, "invalid_request_error", message, param, null, Map.of());
    }

    /**
     * A 400 {@code invalid_request_error} with a code.
     *
     * @param message the message
     * @param param the parameter, or null
     * @param code the code, or null
     * @return the error
     */
    public static ApiError invalidRequest(String message, String param, String code) {
        return new ApiError(400, "invalid_request_error", message, param, code, Map.of());
    }

    /**
     * A 404 {@code invalid_request_error}.
     *
     * @param message the message
     * @param param the parameter, or null
     * @param code the code, or null
     * @return the error
     */
    public static ApiError notFound(String message, String param, String code) {
        return new ApiError(404, "invalid_request_error", message, param, code, Map.of());
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Returns the error type.
     *
     * @return the type, never null
     */
    public String type() {
        return type;
    }

    /**
     * Returns the offending parameter.
     *
     * @return the parameter, or null
     */
    public String param() {
        return param;
    }

    /**
     * Returns the error code.
     *
     * @return the code, or null
     */
    public String code() {
        return code;
    }

    /**
     * Returns extra response headers, such as {@code retry-after}.
     *
     * @return the headers, never null
     */
    public Map<String, String> headers() {
        return headers;
    }
}
