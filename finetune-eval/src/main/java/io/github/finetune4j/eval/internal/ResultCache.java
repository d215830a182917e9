package io.github.finetune4j.eval.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.model.TokenUsage;
import io.github.finetune4j.eval.Score;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evaluation's result cache: a JSONL file with one finished row per line, appended and flushed as rows finish,
 * so the rows done before a crash survive it. Keyed by candidate name and example id; an entry is reused only when
 * its fingerprint (model and messages) matches. A later line for the same key replaces an earlier one. A line that
 * cannot be read (for example cut short by the crash) is skipped with a warning. Thread-safe.
 */
public final class ResultCache implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ResultCache.class.getName());
    private static final int FORMAT = 1;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Entry> entries = new HashMap<>();
    private BufferedWriter writer;

    /**
     * One cached row.
     *
     * @param candidate the candidate's name
     * @param exampleId the example's id
     * @param fingerprint the request's fingerprint
     * @param model the model that answered
     * @param answer the answer
     * @param latencyMillis how long the request took, in milliseconds
     * @param promptTokens counted prompt tokens
     * @param completionTokens counted completion tokens
     * @param usage the provider's usage report, if any
     * @param scores scorer name to score
     */
    public record Entry(String candidate, String exampleId, String fingerprint, String model, String answer,
                       long latencyMillis, long promptTokens, long completionTokens, Optional<TokenUsage> usage,
                       Map<String, Score> scores) {
        public Entry {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(exampleId, "exampleId");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(answer, "answer");
            usage = usage == null ? Optional.empty() : usage;
            scores = Collections.unmodifiableMap(new TreeMap<>(scores));
        }
    }

    private ResultCache(Path file) {
        this.file = file;
    }

    /**
     * Opens a cache file, reading the rows it already has; creates the file (and its directory) if missing.
     *
     * @param file the JSONL file
     * @return the cache; close it to close the file
     * @throws UncheckedIOException if the file cannot be read or opened for appending
     */
    public static ResultCache open(Path file) {
        ResultCache cache = new ResultCache(file);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (Files.exists(file)) {
                cache.load(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
            cache.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the evaluation cache " + file, e);
        }
    }

    /**
     * Finds a cached row for the same request.
     *
     * @param candidate the candidate's name
     * @param exampleId the example's id
     * @param fingerprint the fingerprint of the request about to be sent
     * @return the row, or empty when there is none or it was for another request
     */
    public synchronized Optional<Entry> find(String candidate, String exampleId, String fingerprint) {
        Entry e = entries.get(key(candidate, exampleId));
        return e != null && e.fingerprint().equals(fingerprint) ? Optional.of(e) : Optional.empty();
    }

    /**
     * The number of cached rows.
     *
     * @return the count
     */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Appends a row and flushes it to the file. After {@link #close()} rows are kept in memory only.
     *
     * @param entry the row
     * @throws UncheckedIOException if the file cannot be written
     */
    public synchronized void put(Entry entry) {
        entries.put(key(entry.candidate(), entry.exampleId()), entry);
        if (writer == null) {
            return;
        }
        try {
            writer.write(json.writeValueAsString(toJson(entry)));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation cache " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the evaluation cache " + file, e);
            } finally {
                writer = null;
            }
        }
    }

    private void load(List<String> lines) {
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Entry e = fromJson(json.readTree(line));
                entries.put(key(e.candidate(), e.exampleId()), e);
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping unreadable line {0} of the evaluation cache {1}",
                        number, file);
            }
        }
    }

    private ObjectNode toJson(Entry e) {
        ObjectNode n = json.createObjectNode();
        n.put("format", FORMAT);
        n.put("candidate", e.candidate());
        n.put("example", e.exampleId());
        n.put("fingerprint", e.fingerprint());
        n.put("model", e.model());
        n.put("answer", e.answer());
        n.put("latency_ms", e.latencyMillis());
        n.put("prompt_tokens", e.promptTokens());
        n.put("completion_tokens", e.completionTokens());
        e.usage().ifPresent(u -> {
            ObjectNode usage = n.putObject("usage");
            usage.put("prompt_tokens", u.promptTokens());
            usage.put("completion_tokens", u.completionTokens());
            usage.put("total_tokens", u.totalTokens());
        });
        ObjectNode scores = n.putObject("scores");
        e.scores().forEach((name, s) -> {
            ObjectNode score = scores.putObject(name);
            if (s.isMissing()) {
                score.putNull("value");
            } else {
                score.put("value", s.value());
            }
            score.put("explanation", s.explanation());
        });
        return n;
    }

    private static Entry fromJson(JsonNode n) {
        if (n.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("unknown format");
        }
        Map<String, Score> scores = new TreeMap<>();
        for (Map.Entry<String, JsonNode> s : n.path("scores").properties()) {
            JsonNode value = s.getValue().get("value");
            String explanation = s.getValue().path("explanation").asText("");
            scores.put(s.getKey(), value == null || value.isNull() ? Score.missing(explanation)
                    : Score.of(value.asDouble(), explanation));
        }
        JsonNode usage = n.get("usage");
        Optional<TokenUsage> u = usage == null || !usage.isObject() ? Optional.empty()
                : Optional.of(new TokenUsage(usage.path("prompt_tokens").asLong(),
                usage.path("completion_tokens").asLong(), usage.path("total_tokens").asLong()));
        return new Entry(required(n, "candidate"), required(n, "example"), required(n, "fingerprint"),
                required(n, "model"), required(n, "answer"), n.path("latency_ms").asLong(),
                n.path("prompt_tokens").asLong(), n.path("completion_tokens").asLong(), u, scores);
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    private static String key(String candidate, String exampleId) {
        return candidate + '\u0000' + exampleId;
    }
}
