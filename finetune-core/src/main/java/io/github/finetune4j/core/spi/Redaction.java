package io.github.finetune4j.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction of the SDK: keeps secrets out of logs, exception messages and {@code toString()}. Two rules work
 * together. Secrets the SDK holds (API keys, tokens, client secrets) are removed by their exact value, also in
 * URL-encoded and JSON-escaped form; secrets it does not know are removed by their shape ({@code sk-...} keys,
 * {@code Bearer ...} tokens, JSON Web Tokens, AWS access key ids). Header logging uses an allow-list: every header
 * not on it is written as {@value #REDACTED}. Stateless and thread-safe.
 */
public final class Redaction {
    /** Written instead of a secret. */
    public static final String REDACTED = "REDACTED";
    /** Most characters of a provider message kept in an exception. */
    public static final int MAX_MESSAGE_CHARS = 1024;

    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "content-length", "retry-after",
            "retry-after-ms", "x-ms-retry-after-ms", "x-request-id", "apim-request-id", "x-ms-region",
            "x-ms-request-id", "x-ms-correlation-request-id", "client-request-id",
            "openai-processing-ms", "openai-version", "x-should-retry");
    /** Request headers whose values are secrets by definition. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "api-key", "x-api-key",
            "ocp-apim-subscription-key", "proxy-authorization", "cookie");
    private static final Pattern SHAPES = Pattern.compile(
            "(sk-[A-Za-z0-9_\\-]{6,})"
            + "|((?i:bearer)(\\s|%20|\\+)+[A-Za-z0-9._~+/=\\-]{6,})"
            + "|(AKIA[0-9A-Z]{16})"
            + "|(eyJ[A-Za-z0-9_\\-]{6,}\\.[A-Za-z0-9_\\-]{6,}\\.[A-Za-z0-9_\\-]*)");

    private Redaction() {
    }

    /**
     * Headers as they may be logged: allow-listed values kept, every other value {@value #REDACTED}.
     *
     * @param headers the headers
     * @return a printable copy with lower-case names
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
     * Tells whether a request header carries a secret ({@code Authorization}, {@code api-key}, ...).
     *
     * @param name the header name, any case
     * @return true if its value must be treated as a secret
     */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Removes anything shaped like a key or token from a text and cuts it to {@value #MAX_MESSAGE_CHARS}
     * characters.
     *
     * @param text the text, may be null
     * @return the scrubbed text, or null
     */
    public static String scrub(String text) {
        return scrub(text, List.of());
    }

    /**
     * Removes known secret values and anything shaped like a key or token from a text, then cuts it to
     * {@value #MAX_MESSAGE_CHARS} characters. A known value is found however a server may have written it back: as
     * it is, percent-encoded with any choice of safe characters and either case of hex digits ({@code +} for a
     * space), JSON-escaped ({@code \/}, {@code \"}, {@code \u002b} ...), or any mix of these; for a
     * {@code Bearer <token>} header value the token alone is also removed.
     *
     * @param text the text, may be null
     * @param secrets values that must not appear; nulls and values shorter than 4 characters are ignored
     * @return the scrubbed text, or null
     */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String cleaned = removeValues(text, values(secrets));
        cleaned = SHAPES.matcher(cleaned).replaceAll(Matcher.quoteReplacement(REDACTED));
        return cleaned.length() > MAX_MESSAGE_CHARS ? cleaned.substring(0, MAX_MESSAGE_CHARS) + "…" : cleaned;
    }

    /** The secret values to look for, longest first; a {@code Bearer} value also yields its token. */
    private static List<String> values(Collection<String> secrets) {
        Set<String> values = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < 4) {
                continue;
            }
            values.add(secret);
            String token = secret.regionMatches(true, 0, "Bearer ", 0, 7) ? secret.substring(7).trim() : secret.trim();
            if (token.length() >= 4) {
                values.add(token);
            }
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return sorted;
    }

    private static String removeValues(String text, List<String> values) {
        if (values.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = -1;
            for (String value : values) {
                end = EncodedMatch.end(text, i, value);
                if (end >= 0) {
                    break;
                }
            }
            if (end > i) {
                out.append(REDACTED);
                i = end;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
