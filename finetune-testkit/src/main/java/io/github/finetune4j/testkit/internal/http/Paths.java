package io.github.finetune4j.testkit.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splitting and decoding of raw paths and query strings.
 */
public final class Paths {

    private Paths() {
    }

    /**
     * Splits a raw path into decoded segments. {@code %2F} inside a segment stays inside it, and {@code +} is a
     * plus sign in a path.
     *
     * @param rawPath the raw path, e.g. {@code /v1/models/ft%3Agpt-4o-mini%3Aorg%3A%3Aabc}
     * @return the decoded segments, without empty ones
     */
    public static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /**
     * Parses a raw query string.
     *
     * @param rawQuery the raw query, or null
     * @return the decoded parameters, in order of appearance
     */
    public static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return out;
    }

    /**
     * Joins segments back into a path.
     *
     * @param segments decoded segments
     * @return {@code /a/b}, or {@code /} when there are none
     */
    public static String join(List<String> segments) {
        return "/" + String.join("/", segments);
    }
}
