package io.github.finetune4j.core.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Keeps secrets out of logs and messages: a header allow-list and a scrubber for text. */
public final class Redaction {
    /** Written instead of a header value that is not on the allow-list. */
    public static final String REDACTED = "REDACTED";
    /** Most characters of a provider message kept in an exception. */
    public static final int MAX_MESSAGE_CHARS = 1024;

    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "content-length", "retry-after",
            "retry-after-ms", "x-ms-retry-after-ms", "x-request-id", "apim-request-id", "x-ms-region",
            "x-ms-request-id", "x-ms-correlation-request-id",
            "openai-processing-ms", "openai-version", "x-should-retry");
    private static final Pattern SECRET = Pattern.compile(
            "(sk-[A-Za-z0-9_\\-]{6,})|((?i:bearer)\\s+[A-Za-z0-9._~+/=\\-]{6,})|(AKIA[0-9A-Z]{16})");

    private Redaction() {
    }

    /**
     * Headers as they may be logged: allow-listed values kept, every other value {@link #REDACTED}.
     *
     * @param headers the headers
     * @return a printable copy
     */
    public static Map<String, String> loggableHeaders(Map<String, List<String>> headers) {
        Map<String, String> result = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean allowed = ALLOWED_HEADERS.contains(lower) || lower.startsWith("x-ratelimit-");
            result.put(lower, allowed ? String.join(",", values) : REDACTED);
        });
        return result;
    }

    /**
     * Removes anything that looks like a key or token from a text and cuts it to 1 KB.
     *
     * @param text the text, may be null
     * @return the scrubbed text, or null
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = SECRET.matcher(text).replaceAll(REDACTED);
        return cleaned.length() > MAX_MESSAGE_CHARS ? cleaned.substring(0, MAX_MESSAGE_CHARS) + "…" : cleaned;
    }
}
