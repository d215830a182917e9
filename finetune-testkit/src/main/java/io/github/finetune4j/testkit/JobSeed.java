package io.github.finetune4j.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A fine-tuning job to put on the emulator's OpenAI side as if it had been trained before the test, for
 * {@link OpenAiAccount#seedSucceededJob(JobSeed)}: the account a migration starts from. Immutable; build it with
 * {@link #builder()}.
 *
 * <pre>{@code
 * SeededJob job = emulator.openAi().seedSucceededJob(JobSeed.builder()
 *         .baseModel("gpt-4o-mini-2024-07-18").suffix("support")
 *         .trainingData(Files.readAllBytes(Path.of("train.jsonl")))
 *         .validationData(Files.readAllBytes(Path.of("valid.jsonl")))
 *         .deleteTrainingFile()                       // its content can no longer be downloaded
 *         .build());
 * // job.fineTunedModel() is "ft:gpt-4o-mini-2024-07-18:emulator:support:<id>", listed with shutdown_date 2027-01-14
 * }</pre>
 */
public final class JobSeed {

    /** How long before the emulator's now a seeded job was created unless {@link Builder#createdAt} says. */
    public static final Duration DEFAULT_AGE = Duration.ofDays(30);

    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String baseModel;
    private final String suffix;
    private final byte[] trainingData;
    private final String trainingFilename;
    private final byte[] validationData;
    private final String validationFilename;
    private final Integer epochs;
    private final Instant createdAt;
    private final Map<String, String> metadata;
    private final boolean deleteTrainingFile;

    private JobSeed(Builder b) {
        this.baseModel = b.baseModel;
        this.suffix = b.suffix;
        this.trainingData = b.trainingData;
        this.trainingFilename = b.trainingFilename;
        this.validationData = b.validationData;
        this.validationFilename = b.validationFilename;
        this.epochs = b.epochs;
        this.createdAt = b.createdAt;
        this.metadata = b.metadata.isEmpty() ? null : Map.copyOf(b.metadata);
        this.deleteTrainingFile = b.deleteTrainingFile;
    }

    /**
     * Returns a new builder.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base model */
    String baseModel() {
        return baseModel;
    }

    /** @return the suffix, or null */
    String suffix() {
        return suffix;
    }

    /** @return the training JSONL */
    byte[] trainingData() {
        return trainingData.clone();
    }

    /** @return the training file name */
    String trainingFilename() {
        return trainingFilename;
    }

    /** @return the validation JSONL, or null */
    byte[] validationData() {
        return validationData == null ? null : validationData.clone();
    }

    /** @return the validation file name */
    String validationFilename() {
        return validationFilename;
    }

    /** @return the epochs, or null */
    Integer epochs() {
        return epochs;
    }

    /** @return when the job was created, or empty for {@link JobSeed#DEFAULT_AGE} before now */
    Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return the metadata, or null */
    Map<String, String> metadata() {
        return metadata;
    }

    /** @return whether the training file was deleted after training */
    boolean deletesTrainingFile() {
        return deleteTrainingFile;
    }

    @Override
    public String toString() {
        return "JobSeed[" + baseModel + (suffix == null ? "" : ", suffix=" + suffix)
                + (validationData == null ? "" : ", with validation") + "]";
    }

    /** Configures a {@link JobSeed}. Not thread-safe. */
    public static final class Builder {
        private String baseModel;
        private String suffix;
        private byte[] trainingData;
        private String trainingFilename = "training.jsonl";
        private byte[] validationData;
        private String validationFilename = "validation.jsonl";
        private Integer epochs;
        private Instant createdAt;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private boolean deleteTrainingFile;

        private Builder() {
        }

        /**
         * Sets the base model: one of the emulator's base models (whose {@code shutdown_date} the fine-tuned model
         * inherits, 2027-01-14 for the defaults), or a model OpenAI has already retired, such as
         * {@code gpt-3.5-turbo-0125} (shut down 2026-10-23). Required.
         *
         * @param model the model id
         * @return this builder
         * @throws NullPointerException if {@code model} is null
         */
        public Builder baseModel(String model) {
            this.baseModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the suffix of the fine-tuned model's name. Default none.
         *
         * @param suffix 1 to 64 of {@code [A-Za-z0-9_-]}
         * @return this builder
         * @throws NullPointerException if {@code suffix} is null
         * @throws IllegalArgumentException if it has other characters or another length
         */
        public Builder suffix(String suffix) {
            Objects.requireNonNull(suffix, "suffix");
            if (!SUFFIX.matcher(suffix).matches()) {
                throw new IllegalArgumentException("suffix must be 1 to 64 of [A-Za-z0-9_-]: " + suffix);
            }
            this.suffix = suffix;
            return this;
        }

        /**
         * Sets the training file's content, chat-format JSONL with at least 10 examples, as the service requires.
         * Required. The fine-tuned model answers from it.
         *
         * @param jsonl the bytes, copied
         * @return this builder
         * @throws NullPointerException if {@code jsonl} is null
         */
        public Builder trainingData(byte[] jsonl) {
            this.trainingData = Objects.requireNonNull(jsonl, "jsonl").clone();
            return this;
        }

        /**
         * Sets the training file's content from text.
         *
         * @param jsonl the JSONL text, encoded as UTF-8
         * @return this builder
         * @throws NullPointerException if {@code jsonl} is null
         */
        public Builder trainingData(String jsonl) {
            return trainingData(Objects.requireNonNull(jsonl, "jsonl").getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Sets the training file's name. Default {@code training.jsonl}.
         *
         * @param filename the name, ending in {@code .jsonl}
         * @return this builder
         * @throws NullPointerException if {@code filename} is null
         * @throws IllegalArgumentException if it does not end in {@code .jsonl}
         */
        public Builder trainingFilename(String filename) {
            this.trainingFilename = jsonl(filename);
            return this;
        }

        /**
         * Gives the job a validation file with this content. Default none.
         *
         * @param jsonl the bytes, copied
         * @return this builder
         * @throws NullPointerException if {@code jsonl} is null
         */
        public Builder validationData(byte[] jsonl) {
            this.validationData = Objects.requireNonNull(jsonl, "jsonl").clone();
            return this;
        }

        /**
         * Gives the job a validation file with this text.
         *
         * @param jsonl the JSONL text, encoded as UTF-8
         * @return this builder
         * @throws NullPointerException if {@code jsonl} is null
         */
        public Builder validationData(String jsonl) {
            return validationData(Objects.requireNonNull(jsonl, "jsonl").getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Sets the validation file's name. Default {@code validation.jsonl}.
         *
         * @param filename the name, ending in {@code .jsonl}
         * @return this builder
         * @throws NullPointerException if {@code filename} is null
         * @throws IllegalArgumentException if it does not end in {@code .jsonl}
         */
        public Builder validationFilename(String filename) {
            this.validationFilename = jsonl(filename);
            return this;
        }

        /**
         * Sets the epochs the job was asked for. Default: the service's choice ({@code "auto"}).
         *
         * @param epochs 1 to 50
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder epochs(int epochs) {
            if (epochs < 1 || epochs > 50) {
                throw new IllegalArgumentException("epochs must be 1..50: " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets when the job and its files were created. Default {@link JobSeed#DEFAULT_AGE} before the emulator's
         * now. It must lie far enough back for the job to have finished by now (a few minutes at the default
         * durations).
         *
         * @param createdAt the instant
         * @return this builder
         * @throws NullPointerException if {@code createdAt} is null
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /**
         * Adds a metadata pair to the job, as {@code metadata} on create sets it.
         *
         * @param key the key, at most 64 characters
         * @param value the value, at most 512 characters
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if too long, or beyond 16 pairs
         */
        public Builder putMetadata(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.length() > 64 || value.length() > 512 || (metadata.size() >= 16 && !metadata.containsKey(key))) {
                throw new IllegalArgumentException("metadata: at most 16 pairs of keys up to 64 and values up to 512 "
                        + "characters");
            }
            metadata.put(key, value);
            return this;
        }

        /**
         * Deletes the training file after training, as a user who cleaned up their files did: the job still names
         * it, but {@code GET /v1/files/{id}} and its {@code /content} answer 404 "No such File object", as the
         * service does for a deleted file. Default: the file stays.
         *
         * @return this builder
         */
        public Builder deleteTrainingFile() {
            this.deleteTrainingFile = true;
            return this;
        }

        /**
         * Creates the seed.
         *
         * @return the seed, never null
         * @throws IllegalStateException if the base model or the training data is missing
         */
        public JobSeed build() {
            if (baseModel == null) {
                throw new IllegalStateException("base model missing: call baseModel(...)");
            }
            if (trainingData == null) {
                throw new IllegalStateException("training data missing: call trainingData(...)");
            }
            return new JobSeed(this);
        }

        private static String jsonl(String filename) {
            Objects.requireNonNull(filename, "filename");
            if (!filename.endsWith(".jsonl")) {
                throw new IllegalArgumentException("a fine-tuning file name ends in .jsonl: " + filename);
            }
            return filename;
        }
    }
}
