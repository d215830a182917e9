package io.github.finetune4j.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.core.spi.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state file of a project ({@code finetune.state.json} beside {@code finetune.yaml}): the runs started from it,
 * newest first, each with its key, job id and, once trained, the fine-tuned model. A run is saved the moment its job
 * exists, so a command killed while waiting finds the job again. Written atomically (temporary file, then move).
 * Not safe for two processes writing at the same instant; the last write wins.
 */
public final class RunStore {
    /** The file name beside the config file. */
    public static final String FILE_NAME = "finetune.state.json";
    private static final int KEPT_RUNS = 20;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunStore(Path file) {
        this.file = file;
    }

    /**
     * The store in a file (created on the first save).
     *
     * @param file the state file
     * @return the store
     */
    public static RunStore at(Path file) {
        return new RunStore(file.toAbsolutePath().normalize());
    }

    /**
     * The state file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The run with a key.
     *
     * @param key the run key
     * @return the run, or empty
     */
    public Optional<Run> find(String key) {
        return runs().stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /**
     * The run whose job has an id.
     *
     * @param jobId the job id
     * @return the run, or empty
     */
    public Optional<Run> findByJob(String jobId) {
        return runs().stream().filter(r -> r.jobId().equals(jobId)).findFirst();
    }

    /**
     * The newest run.
     *
     * @return the run, or empty when none was saved
     */
    public Optional<Run> last() {
        List<Run> runs = runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /**
     * The newest run that produced a model.
     *
     * @return the run, or empty
     */
    public Optional<Run> lastTrained() {
        return runs().stream().filter(r -> r.model().isPresent()).findFirst();
    }

    /**
     * Saves a run as the newest (replacing the one with the same key).
     *
     * @param run the run
     */
    public synchronized void save(Run run) {
        State state = read();
        state.runs.removeIf(r -> r.key().equals(run.key()));
        state.runs.add(0, run);
        while (state.runs.size() > KEPT_RUNS) {
            state.runs.remove(state.runs.size() - 1);
        }
        write(state);
    }

    /**
     * The salt of the newest deliberate re-run ({@code --new}) of the runs with an ordinary key.
     *
     * @param baseKey the ordinary key
     * @return the salt, or empty when the ordinary key is in use
     */
    public Optional<String> salt(String baseKey) {
        return Optional.ofNullable(read().salts.get(baseKey));
    }

    /**
     * Records the salt of a deliberate re-run, before its job is started, so that a re-run of the command after a
     * crash finds the new job rather than the old one.
     *
     * @param baseKey the ordinary key
     * @param salt the salt
     */
    public synchronized void saveSalt(String baseKey, String salt) {
        State state = read();
        state.salts.put(baseKey, salt);
        write(state);
    }

    /**
     * Forgets a run.
     *
     * @param key the run key
     */
    public synchronized void forget(String key) {
        State state = read();
        if (state.runs.removeIf(r -> r.key().equals(key))) {
            write(state);
        }
    }

    /**
     * Every saved run, newest first.
     *
     * @return the runs
     */
    public List<Run> runs() {
        return List.copyOf(read().runs);
    }

    private State read() {
        State state = new State();
        if (!Files.isRegularFile(file)) {
            return state;
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot read the state file " + file + ": " + e.getMessage()
                    + " (delete it to start afresh)", e);
        }
        for (JsonNode n : root.path("runs")) {
            state.runs.add(new Run(n.path("key").asText(), n.path("job").asText(), n.path("provider").asText(),
                    n.path("baseModel").asText(), Instant.parse(n.path("savedAt").asText(Instant.EPOCH.toString())),
                    Optional.ofNullable(n.path("model").textValue())));
        }
        root.path("salts").fields().forEachRemaining(e -> state.salts.put(e.getKey(), e.getValue().asText()));
        return state;
    }

    private void write(State state) {
        ObjectNode root = json.createObjectNode();
        root.put("about", "Runs started by finetune (finetune4j). Delete this file to forget them; the jobs stay.");
        ArrayNode array = root.putArray("runs");
        for (Run r : state.runs) {
            ObjectNode n = array.addObject();
            n.put("key", r.key());
            n.put("job", r.jobId());
            n.put("provider", r.provider());
            n.put("baseModel", r.baseModel());
            n.put("savedAt", r.savedAt().toString());
            r.model().ifPresent(m -> n.put("model", m));
        }
        if (!state.salts.isEmpty()) {
            ObjectNode salts = root.putObject("salts");
            state.salts.forEach(salts::put);
        }
        try {
            AtomicFile.writeString(file, json.writeValueAsString(root) + System.lineSeparator());
        } catch (IOException e) {
            throw new CliException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's content. */
    private static final class State {
        final List<Run> runs = new ArrayList<>();
        final Map<String, String> salts = new LinkedHashMap<>();
    }

    /**
     * One saved run.
     *
     * @param key the run key
     * @param jobId the job's id
     * @param provider the provider the job runs on ({@code emulator} for the local emulator)
     * @param baseModel the base model
     * @param savedAt when this entry was written
     * @param model the fine-tuned model, once the job succeeded
     */
    public record Run(String key, String jobId, String provider, String baseModel, Instant savedAt,
                      Optional<String> model) {
        /**
         * Validates the components.
         *
         * @param key the run key
         * @param jobId the job's id
         * @param provider the provider
         * @param baseModel the base model
         * @param savedAt when this entry was written
         * @param model the fine-tuned model, once the job succeeded
         */
        public Run {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(baseModel, "baseModel");
            Objects.requireNonNull(savedAt, "savedAt");
            model = model == null ? Optional.empty() : model;
        }

        /**
         * This run with its fine-tuned model.
         *
         * @param name the model name
         * @param at when it was recorded
         * @return a new run entry
         */
        public Run withModel(String name, Instant at) {
            return new Run(key, jobId, provider, baseModel, at, Optional.of(name));
        }
    }
}
