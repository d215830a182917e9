package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.PageRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the URIs of the OpenAI endpoints under a base URI. Path segments and query parameters are percent-encoded
 * exactly once; characters legal in a path segment (such as the {@code :} in fine-tuned model names) stay as they
 * are. Immutable.
 */
final class OpenAiEndpoints {
    private static final String HEX = "0123456789ABCDEF";
    /** Characters a path segment may hold unencoded besides letters and digits (RFC 3986 pchar). */
    private static final String SEGMENT_SAFE = "-._~!$&'()*+,;=:@";
    /** Characters a query name or value may hold unencoded besides letters and digits. */
    private static final String QUERY_SAFE = "-._~";

    private final String base;

    /**
     * Creates the endpoints.
     *
     * @param baseUri the API root without a trailing slash, for example {@code https://api.openai.com/v1}
     */
    OpenAiEndpoints(URI baseUri) {
        this.base = Objects.requireNonNull(baseUri, "baseUri").toString();
    }

    URI files(PageRequest page) {
        return uri(pageQuery(page), "files");
    }

    URI files() {
        return uri(Map.of(), "files");
    }

    URI file(FileId id) {
        return uri(Map.of(), "files", id.value());
    }

    URI fileContent(FileId id) {
        return uri(Map.of(), "files", id.value(), "content");
    }

    URI jobs() {
        return uri(Map.of(), "fine_tuning", "jobs");
    }

    URI jobs(PageRequest page) {
        Map<String, String> query = pageQuery(page);
        new TreeMap<>(page.metadata()).forEach((k, v) -> query.put("metadata[" + k + "]", v));
        return uri(query, "fine_tuning", "jobs");
    }

    URI job(JobId id) {
        return uri(Map.of(), "fine_tuning", "jobs", id.value());
    }

    URI jobAction(JobId id, String action) {
        return uri(Map.of(), "fine_tuning", "jobs", id.value(), action);
    }

    URI events(JobId id, PageRequest page) {
        return uri(pageQuery(page), "fine_tuning", "jobs", id.value(), "events");
    }

    URI checkpoints(JobId id, PageRequest page) {
        return uri(pageQuery(page), "fine_tuning", "jobs", id.value(), "checkpoints");
    }

    URI model(String model) {
        return uri(Map.of(), "models", model);
    }

    URI batches() {
        return uri(Map.of(), "batches");
    }

    URI batch(BatchId id) {
        return uri(Map.of(), "batches", id.value());
    }

    URI batchCancel(BatchId id) {
        return uri(Map.of(), "batches", id.value(), "cancel");
    }

    URI uploads() {
        return uri(Map.of(), "uploads");
    }

    URI uploadAction(String uploadId, String action) {
        return uri(Map.of(), "uploads", uploadId, action);
    }

    URI chatCompletions() {
        return uri(Map.of(), "chat", "completions");
    }

    @Override
    public String toString() {
        return base;
    }

    private static Map<String, String> pageQuery(PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        page.after().ifPresent(after -> query.put("after", after));
        page.limit().ifPresent(limit -> query.put("limit", Integer.toString(limit)));
        return query;
    }

    private URI uri(Map<String, String> query, String... segments) {
        StringBuilder sb = new StringBuilder(base);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid path segment: '" + segment + "'");
            }
            sb.append('/');
            encode(segment, SEGMENT_SAFE, sb);
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
