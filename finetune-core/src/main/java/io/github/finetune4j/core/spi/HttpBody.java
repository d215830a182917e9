package io.github.finetune4j.core.spi;

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request body: none, a JSON document, a URL-encoded form, or a streamed multipart form. Bodies are replayable, so they can be retried.
 */
public final class HttpBody {
    private static final HttpBody EMPTY = new HttpBody(null, null, null);

    private final String contentType;
    private final byte[] bytes;
    private final MultipartForm form;

    private HttpBody(String contentType, byte[] bytes, MultipartForm form) {
        this.contentType = contentType;
        this.bytes = bytes;
        this.form = form;
    }

    /**
     * No body.
     *
     * @return the empty body
     */
    public static HttpBody empty() {
        return EMPTY;
    }

    /**
     * A JSON body.
     *
     * @param json the UTF-8 encoded document
     * @return the body
     */
    public static HttpBody json(byte[] json) {
        return new HttpBody("application/json", Objects.requireNonNull(json, "json").clone(), null);
    }

    /**
     * A JSON body.
     *
     * @param json the document
     * @return the body
     */
    public static HttpBody json(String json) {
        return new HttpBody("application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * An {@code application/x-www-form-urlencoded} body (OAuth token requests), fields in the given order. Values
     * that are secrets must also be declared with {@link HttpCall.Builder#secret(String)}.
     *
     * @param fields name to value, in order
     * @return the body
     */
    public static HttpBody form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        Objects.requireNonNull(fields, "fields").forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return new HttpBody("application/x-www-form-urlencoded", sb.toString().getBytes(StandardCharsets.UTF_8),
                null);
    }

    /**
     * A multipart form, streamed from disk when it holds files.
     *
     * @param form the form
     * @return the body
     */
    public static HttpBody multipart(MultipartForm form) {
        return new HttpBody("multipart/form-data; boundary=" + form.boundary(), null,
                Objects.requireNonNull(form, "form"));
    }

    /**
     * Tells whether there is no body.
     *
     * @return true for {@link #empty()}
     */
    public boolean isEmpty() {
        return bytes == null && form == null;
    }

    /**
     * The content type header value.
     *
     * @return the type, or empty for no body
     */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * The bytes of a JSON or form body.
     *
     * @return a copy of the bytes, or empty for other bodies
     */
    public Optional<byte[]> bytes() {
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /**
     * The form of a multipart body.
     *
     * @return the form, or empty for other bodies
     */
    public Optional<MultipartForm> form() {
        return Optional.ofNullable(form);
    }

    @Override
    public String toString() {
        // Bodies can hold customer data: never print their content.
        return "HttpBody[" + (isEmpty() ? "empty" : contentType) + "]";
    }
}
