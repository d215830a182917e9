package io.github.finetune4j.openai.protocol;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Builds request URIs: path segments and query parameters are percent-encoded exactly once; characters legal in a
 * path segment (such as the {@code :} of fine-tuned model names) stay as they are. Stateless.
 */
public final class ProtocolUris {
    private static final String HEX = "0123456789ABCDEF";
    /** Characters a path segment may hold unencoded besides letters and digits (RFC 3986 pchar). */
    private static final String SEGMENT_SAFE = "-._~!$&'()*+,;=:@";
    /** Characters a query name or value may hold unencoded besides letters and digits. */
    private static final String QUERY_SAFE = "-._~";

    private ProtocolUris() {
    }

    /**
     * Joins path segments, encoding each.
     *
     * @param segments the segments, for example {@code "fine_tuning", "jobs", id}
     * @return the encoded relative path, for example {@code fine_tuning/jobs/ftjob-1}
     * @throws IllegalArgumentException if a segment is empty, {@code .} or {@code ..}
     */
    public static String path(String... segments) {
        StringBuilder sb = new StringBuilder();
        for (String segment : segments) {
            Objects.requireNonNull(segment, "segment");
            if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid path segment: '" + segment + "'");
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            encode(segment, SEGMENT_SAFE, sb);
        }
        return sb.toString();
    }

    /**
     * Appends an encoded path and a query to a base.
     *
     * @param base the API root without a trailing slash, for example {@code https://api.openai.com/v1}
     * @param path the encoded relative path
     * @param query parameters in order, encoded here
     * @return the URI
     */
    public static URI append(String base, String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(base);
        if (!path.isEmpty()) {
            sb.append('/').append(path);
        }
        char separator = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(separator);
            encode(e.getKey(), QUERY_SAFE, sb);
            sb.append('=');
            encode(e.getValue(), QUERY_SAFE, sb);
            separator = '&';
        }
        return URI.create(sb.toString());
    }

    private static void encode(String value, String safe, StringBuilder out) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
        }
    }
}
