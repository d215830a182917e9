package io.github.finetune4j.core;

import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.internal.dataset.JsonlReader;
import io.github.finetune4j.core.internal.dataset.JsonlWriter;
import io.github.finetune4j.core.internal.preflight.Preflight;
import io.github.finetune4j.core.internal.preflight.Splitter;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.PreferenceExample;
import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.core.model.ToolDefinition;
import io.github.finetune4j.core.model.TrainingRecord;
import io.github.finetune4j.core.preflight.DatasetSplit;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training data: chat examples (supervised) or preference pairs (DPO), built in code or read from a JSONL file.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Dataset data = Dataset.builder()
 *         .name("t1000")
 *         .systemPrompt("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.")
 *         .example("Warum saugt mein T-1000 nicht mehr richtig?", "Es könnte ein verstopfter Filter sein. ...")
 *         .build();
 * Dataset fromFile = Dataset.fromJsonl(Path.of("train.jsonl"));   // streamed, never loaded whole
 * }</pre>
 *
 * <p>A file-backed dataset reads its file lazily on every pass; a dataset built in code holds its records in memory
 * and is written to a temporary JSONL file when uploaded.
 */
public final class Dataset {
    private static final String MEMORY_SOURCE = " (built in code)";

    private final String name;
    private final Path file;
    private final List<TrainingRecord> records;

    private Dataset(String name, Path file, List<TrainingRecord> records) {
        this.name = name;
        this.file = file;
        this.records = records;
    }

    /**
     * Starts building a dataset in code.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A dataset backed by a JSONL file. Nothing is read yet; each pass streams the file.
     *
     * @param path the file, one JSON object per line
     * @return the dataset
     * @throws IllegalArgumentException if the file does not exist or is not a regular file
     */
    public static Dataset fromJsonl(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("not a readable file: " + path);
        }
        String fileName = path.getFileName().toString();
        String base = fileName.endsWith(".jsonl") ? fileName.substring(0, fileName.length() - 6) : fileName;
        return new Dataset(base, path, List.of());
    }

    /**
     * A dataset of records held in memory.
     *
     * @param records the records
     * @return the dataset
     */
    public static Dataset of(List<? extends TrainingRecord> records) {
        return new Dataset("dataset", null, List.copyOf(records));
    }

    /**
     * The dataset's name, used for the uploaded file's name ({@code <name>.jsonl}).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The backing file of a dataset read with {@link #fromJsonl(Path)}.
     *
     * @return the file, or empty for a dataset built in code
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Where issues are reported: the file path, or {@code <name> (built in code)} for a dataset built in code.
     *
     * @return the source description
     */
    public String source() {
        return file == null ? name + MEMORY_SOURCE : file.toString();
    }

    /**
     * The records, lazily read from the file when file-backed. Close the stream (try-with-resources) to release the
     * file.
     *
     * @return the records in file order
     * @throws DatasetValidationException while streaming, at the first line that is not a valid record
     */
    public Stream<TrainingRecord> records() {
        if (file == null) {
            return records.stream();
        }
        return JsonlReader.records(file);
    }

    /**
     * The supervised examples (DPO records are skipped).
     *
     * @return the examples; close the stream when done
     * @throws DatasetValidationException while streaming, at the first line that is not a valid record
     */
    public Stream<Example> examples() {
        return records().filter(Example.class::isInstance).map(Example.class::cast);
    }

    /**
     * Counts the records (streams the file when file-backed).
     *
     * @return the number of records
     * @throws DatasetValidationException if a line is not a valid record
     */
    public long size() {
        if (file == null) {
            return records.size();
        }
        try (Stream<TrainingRecord> s = records()) {
            return s.count();
        }
    }

    /**
     * Writes the dataset as JSONL, one record per line, streaming. The target is written to a temporary file next to
     * it and moved into place only when complete, so a failure never leaves a half-written file.
     *
     * @param target the file to write
     * @throws FineTuneException if the file cannot be written
     * @throws DatasetValidationException if a file-backed dataset has an invalid line
     */
    public void writeJsonl(Path target) {
        Objects.requireNonNull(target, "target");
        try (Stream<TrainingRecord> s = records()) {
            JsonlWriter.writeAtomically(s, target);
        } catch (UncheckedIOException e) {
            throw new FineTuneException("cannot write " + target + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new FineTuneException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the pre-flight check: validates every line (format, roles, tools, method, special tokens, limits), counts
     * tokens exactly with the base model's encoding, estimates epochs and cost, and scans for personal data. A file
     * is read once, streaming, on {@link ValidationOptions#threads()} worker threads; memory does not grow with the
     * file's size. Blocks until done.
     *
     * <pre>{@code
     * ValidationReport report = Dataset.fromJsonl(Path.of("train.jsonl"))
     *         .validate(ValidationOptions.builder().baseModel("gpt-4o-mini-2024-07-18").build());
     * System.out.println(report.toText());
     * }</pre>
     *
     * @param options what to check against
     * @return the report; problems in the data are issues of the report, never exceptions
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if the thread is interrupted (the
     *         interrupt flag stays set)
     */
    public ValidationReport validate(ValidationOptions options) {
        Objects.requireNonNull(options, "options");
        return Preflight.run(this, options);
    }

    /**
     * Splits the dataset into a training and a validation file, streaming. The same seed always gives the same
     * split; the validation part gets {@code round(n * validationFraction)} examples (at least one, and at least one
     * stays for training). Lines are copied unchanged and not validated; blank lines are dropped. Each file is
     * written beside its target and moved into place when complete.
     *
     * @param validationFraction the share of examples for validation, between 0 and 1 exclusive, e.g. {@code 0.1}
     * @param seed the random seed
     * @param trainingTarget the training file to write
     * @param validationTarget the validation file to write
     * @return both parts as file-backed datasets, with their sizes
     * @throws IllegalArgumentException if the fraction is out of range or both targets are the same file
     * @throws IllegalStateException if the dataset has fewer than 2 examples
     * @throws FineTuneException if a file cannot be read or written
     */
    public DatasetSplit split(double validationFraction, long seed, Path trainingTarget, Path validationTarget) {
        Objects.requireNonNull(trainingTarget, "trainingTarget");
        Objects.requireNonNull(validationTarget, "validationTarget");
        return Splitter.split(this, validationFraction, seed, trainingTarget, validationTarget);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + (file == null ? records.size() + " records in memory" : file) + "]";
    }

    /**
     * Builds a {@link Dataset} in code. The system prompt, when set, is put in front of every example added with
     * {@link #example(String, String)} or {@link #conversation(Message...)} that does not start with one. Not
     * thread-safe.
     */
    public static final class Builder {
        private final List<TrainingRecord> records = new ArrayList<>();
        private String name = "dataset";
        private String systemPrompt;
        private List<ToolDefinition> tools = List.of();

        private Builder() {
        }

        /**
         * Names the dataset; the uploaded file is called {@code <name>.jsonl}.
         *
         * @param name letters, digits, {@code _}, {@code -} and {@code .}
         * @return this builder
         * @throws IllegalArgumentException if the name has other characters
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9_.-]{1,128}")) {
                throw new IllegalArgumentException("dataset name must be 1 to 128 of [A-Za-z0-9_.-]: " + name);
            }
            this.name = name;
            return this;
        }

        /**
         * Sets the system prompt put in front of the following examples.
         *
         * @param prompt the prompt
         * @return this builder
         */
        public Builder systemPrompt(String prompt) {
            this.systemPrompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /**
         * Sets the tools offered in the following examples.
         *
         * @param definitions the tool definitions
         * @return this builder
         */
        public Builder tools(ToolDefinition... definitions) {
            this.tools = List.of(definitions);
            return this;
        }

        /**
         * Adds a single-turn example: one question and its answer.
         *
         * @param user the question
         * @param assistant the answer to learn
         * @return this builder
         */
        public Builder example(String user, String assistant) {
            return conversation(Message.user(user), Message.assistant(assistant));
        }

        /**
         * Adds a multi-turn example (with tool calls, weights or names as needed).
         *
         * @param messages the conversation without the system prompt
         * @return this builder
         */
        public Builder conversation(Message... messages) {
            List<Message> all = new ArrayList<>();
            if (systemPrompt != null && (messages.length == 0 || messages[0].role() != Role.SYSTEM)) {
                all.add(Message.system(systemPrompt));
            }
            all.addAll(List.of(messages));
            records.add(new Example(all, tools, Optional.empty()));
            return this;
        }

        /**
         * Adds an example exactly as given (no system prompt or tools added).
         *
         * @param example the example
         * @return this builder
         */
        public Builder add(Example example) {
            records.add(Objects.requireNonNull(example, "example"));
            return this;
        }

        /**
         * Adds a DPO preference pair: a question, the better and the worse answer.
         *
         * @param user the question
         * @param preferred the better answer
         * @param nonPreferred the worse answer
         * @return this builder
         */
        public Builder preference(String user, String preferred, String nonPreferred) {
            List<Message> input = new ArrayList<>();
            if (systemPrompt != null) {
                input.add(Message.system(systemPrompt));
            }
            input.add(Message.user(user));
            records.add(new PreferenceExample(input, Message.assistant(preferred), Message.assistant(nonPreferred)));
            return this;
        }

        /**
         * Adds a DPO preference pair exactly as given.
         *
         * @param example the pair
         * @return this builder
         */
        public Builder add(PreferenceExample example) {
            records.add(Objects.requireNonNull(example, "example"));
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         * @throws IllegalStateException if no record was added
         */
        public Dataset build() {
            if (records.isEmpty()) {
                throw new IllegalStateException("a dataset needs at least one example");
            }
            return new Dataset(name, null, List.copyOf(records));
        }
    }
}
