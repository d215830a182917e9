package io.github.finetune4j.migrate.internal;

import io.github.finetune4j.core.spi.AtomicFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The golden answers of one model: a JSONL file with one answered example per line, appended and flushed as each
 * answer arrives, so that the answers recorded before a crash survive it and are never asked again. A last line
 * cut short by the crash is ignored when read. {@link #finish()} rewrites the file in example order. Thread-safe.
 */
public final class GoldenStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GoldenStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private BufferedWriter writer;

    /**
     * One recorded answer.
     *
     * @param id the example id ({@code val-0001}, {@code train-0042})
     * @param index the example's record index in its file, 0-based
     * @param answer the answer
     * @param model the model that answered
     * @param via {@code online} or {@code batch}
     * @param recordedAt when (ISO-8601)
     */
    public record Row(String id, int index, String answer, String model, String via, String recordedAt) {
        /**
         * Checks the components.
         *
         * @param id the example id
         * @param index the record index
         * @param answer the answer
         * @param model the model
         * @param via how it was asked
         * @param recordedAt when
         */
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    private GoldenStore(Path file) {
        this.file = file;
    }

    /**
     * Opens a store, reading what an earlier run recorded.
     *
     * @param file the JSONL file (need not exist)
     * @return the store
     * @throws UncheckedIOException if it cannot be read
     */
    public static GoldenStore open(Path file) {
        GoldenStore store = new GoldenStore(file);
        if (Files.exists(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        Row row = parse(JSON.readTree(line));
                        store.rows.put(row.id(), row);
                    } catch (JsonProcessingException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "{0} line {1} is unreadable (cut short by a crash?);"
                                + " its example will be asked again", file, i + 1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return store;
    }

    /**
     * Reads a finished store.
     *
     * @param file the JSONL file
     * @return the rows by example id, in file order
     * @throws UncheckedIOException if it cannot be read
     */
    public static Map<String, Row> read(Path file) {
        GoldenStore store = open(file);
        store.close();
        return store.rows();
    }

    /**
     * The rows recorded so far.
     *
     * @return a copy, by example id
     */
    public synchronized Map<String, Row> rows() {
        return new LinkedHashMap<>(rows);
    }

    /**
     * Whether an example has an answer.
     *
     * @param id the example id
     * @return true if recorded
     */
    public synchronized boolean has(String id) {
        return rows.containsKey(id);
    }

    /**
     * Records an answer at once (appended and flushed).
     *
     * @param row the answer
     * @throws UncheckedIOException if it cannot be written
     */
    public synchronized void append(Row row) {
        try {
            if (writer == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            writer.write(JSON.writeValueAsString(node(row)));
            writer.write('\n');
            writer.flush();
            rows.put(row.id(), row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Rewrites the file in example order, atomically.
     *
     * @return its SHA-256
     * @throws UncheckedIOException if it cannot be written
     */
    public synchronized String finish() {
        close();
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingInt(Row::index).thenComparing(Row::id));
        StringBuilder text = new StringBuilder();
        try {
            for (Row row : ordered) {
                text.append(JSON.writeValueAsString(node(row))).append('\n');
            }
            return AtomicFile.writeString(file, text.toString()).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close {0}: {1}", file, e.getMessage());
            }
            writer = null;
        }
    }

    private static ObjectNode node(Row row) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", row.id());
        n.put("index", row.index());
        n.put("answer", row.answer());
        n.put("model", row.model());
        n.put("via", row.via());
        n.put("recorded_at", row.recordedAt());
        return n;
    }

    private static Row parse(JsonNode n) {
        if (!n.hasNonNull("id") || !n.hasNonNull("answer") || !n.has("index")) {
            throw new IllegalArgumentException("not a golden row");
        }
        return new Row(n.get("id").asText(), n.get("index").asInt(), n.get("answer").asText(),
                n.path("model").asText(""), n.path("via").asText("online"), n.path("recorded_at").asText(""));
    }
}
