package io.github.finetune4j.core.model;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.Tokenizer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to fine-tune: the base model, the data and the training settings.
 *
 * <pre>{@code
 * FineTuneRequest request = FineTuneRequest.builder()
 *         .baseModel("gpt-4o-mini-2024-07-18")
 *         .trainingData(dataset)
 *         .suffix("t1000")
 *         .hyperparameters(Hyperparameters.builder().epochs(3).build())
 *         .build();
 * }</pre>
 *
 * <p>Training data is either a {@link Dataset} (uploaded when the job starts) or the id of a file already uploaded;
 * the same holds for the optional validation data. The canonical constructor is outside the compatibility promise:
 * use {@link #builder()}.
 *
 * @param baseModel the model to fine-tune, for example {@code gpt-4o-mini-2024-07-18}
 * @param trainingData the training data to upload, or empty when {@code trainingFile} is set
 * @param trainingFile an uploaded training file, or empty when {@code trainingData} is set
 * @param validationData validation data to upload
 * @param validationFile an uploaded validation file
 * @param suffix up to 64 characters {@code [A-Za-z0-9_-]} added to the fine-tuned model's name
 * @param seed the training seed, 0 to 2147483647
 * @param metadata up to 16 pairs (keys up to 64, values up to 512 characters) stored with the job
 * @param method the training method, {@link FineTuneMethod#SUPERVISED} by default
 * @param hyperparameters the hyperparameters of the method
 * @param extraBodyProperties unsupported escape hatch: extra top-level JSON properties of the create request
 * @param idempotencyKey the caller's name for this run, or empty to derive one from the request's content (see
 *     {@link Builder#idempotencyKey(String)})
 * @param keepFilesOnFailure whether files this start uploaded stay on the provider when the start fails for good
 * @param tokenizer the tokenizer the pre-flight counts with, or empty for the base model's (see
 *     {@link Builder#tokenizer(Tokenizer)})
 * @param chatTemplate the chat template the pre-flight counts the overhead of, or empty for the provider's or the
 *     model family's
 * @param providerOptions settings only one provider has (for example LoRA rank or a Hub push), or empty
 */
public record FineTuneRequest(String baseModel, Optional<Dataset> trainingData, Optional<FileId> trainingFile,
                              Optional<Dataset> validationData, Optional<FileId> validationFile,
                              Optional<String> suffix, Optional<Long> seed, Map<String, String> metadata,
                              FineTuneMethod method, Hyperparameters hyperparameters,
                              Map<String, Object> extraBodyProperties, Optional<String> idempotencyKey,
                              boolean keepFilesOnFailure, Optional<Tokenizer> tokenizer,
                              Optional<ChatTemplate> chatTemplate, Optional<ProviderOptions> providerOptions) {
    /** Most metadata pairs a job can carry. */
    public static final int MAX_METADATA_PAIRS = 16;
    /** The metadata key under which the idempotency key is stored with the job: {@value}. */
    public static final String IDEMPOTENCY_METADATA_KEY = "finetune4j_idempotency_key";
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /**
     * Validates the components.
     *
     * @param baseModel the model to fine-tune, for example {@code gpt-4o-mini-2024-07-18}
     * @param trainingData the training data to upload, or empty when {@code trainingFile} is set
     * @param trainingFile an uploaded training file, or empty when {@code trainingData} is set
     * @param validationData validation data to upload
     * @param validationFile an uploaded validation file
     * @param suffix up to 64 characters {@code [A-Za-z0-9_-]} added to the fine-tuned model's name
     * @param seed the training seed, 0 to 2147483647
     * @param metadata up to 16 pairs (keys up to 64, values up to 512 characters) stored with the job
     * @param method the training method, {@link FineTuneMethod#SUPERVISED} by default
     * @param hyperparameters the hyperparameters of the method
     * @param extraBodyProperties unsupported escape hatch: extra top-level JSON properties of the create request
     * @param idempotencyKey the caller's name for this run, or empty to derive one from the request's content
     * @param keepFilesOnFailure whether files this start uploaded stay on the provider when the start fails for good
     * @param tokenizer the tokenizer the pre-flight counts with, or empty for the base model's
     * @param chatTemplate the chat template the pre-flight counts the overhead of, or empty
     * @param providerOptions settings only one provider has, or empty
     */
    public FineTuneRequest {
        Objects.requireNonNull(baseModel, "baseModel");
        if (baseModel.isBlank()) {
            throw new IllegalArgumentException("baseModel must not be blank");
        }
        trainingData = trainingData == null ? Optional.empty() : trainingData;
        trainingFile = trainingFile == null ? Optional.empty() : trainingFile;
        validationData = validationData == null ? Optional.empty() : validationData;
        validationFile = validationFile == null ? Optional.empty() : validationFile;
        if (trainingData.isPresent() == trainingFile.isPresent()) {
            throw new IllegalArgumentException("set exactly one of trainingData and trainingFile");
        }
        if (validationData.isPresent() && validationFile.isPresent()) {
            throw new IllegalArgumentException("set at most one of validationData and validationFile");
        }
        suffix = suffix == null ? Optional.empty() : suffix;
        suffix.ifPresent(s -> {
            if (!SUFFIX.matcher(s).matches()) {
                throw new IllegalArgumentException("suffix must be 1 to 64 characters of [A-Za-z0-9_-]: " + s);
            }
        });
        seed = seed == null ? Optional.empty() : seed;
        seed.ifPresent(s -> {
            if (s < 0 || s > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("seed must be in [0, 2147483647]: " + s);
            }
        });
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        if (metadata.size() > MAX_METADATA_PAIRS) {
            throw new IllegalArgumentException("at most 16 metadata pairs are allowed, got " + metadata.size());
        }
        metadata.forEach((k, v) -> {
            if (k.length() > 64 || v.length() > 512) {
                throw new IllegalArgumentException("metadata keys are at most 64 and values at most 512 characters: " + k);
            }
        });
        method = method == null ? FineTuneMethod.SUPERVISED : method;
        hyperparameters = hyperparameters == null ? Hyperparameters.defaults() : hyperparameters;
        if (method != FineTuneMethod.DPO && hyperparameters.beta().isPresent()) {
            throw new IllegalArgumentException("beta is a DPO hyperparameter; set method(FineTuneMethod.DPO)");
        }
        extraBodyProperties = Map.copyOf(extraBodyProperties == null ? Map.of() : extraBodyProperties);
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
        Optional<String> inMetadata = Optional.ofNullable(metadata.get(IDEMPOTENCY_METADATA_KEY));
        if (idempotencyKey.isPresent() && inMetadata.isPresent() && !idempotencyKey.equals(inMetadata)) {
            throw new IllegalArgumentException("the idempotency key and metadata[" + IDEMPOTENCY_METADATA_KEY
                    + "] differ; set only one");
        }
        idempotencyKey = idempotencyKey.or(() -> inMetadata);
        idempotencyKey.ifPresent(k -> {
            if (k.isBlank() || k.length() > 512) {
                throw new IllegalArgumentException("idempotency key must be 1 to 512 characters");
            }
        });
        int own = metadata.containsKey(IDEMPOTENCY_METADATA_KEY) ? 0 : 1;
        if (metadata.size() + own > MAX_METADATA_PAIRS) {
            throw new IllegalArgumentException("at most " + (MAX_METADATA_PAIRS - 1) + " metadata pairs are allowed: "
                    + "the client stores its idempotency key as one more");
        }
        tokenizer = tokenizer == null ? Optional.empty() : tokenizer;
        chatTemplate = chatTemplate == null ? Optional.empty() : chatTemplate;
        providerOptions = providerOptions == null ? Optional.empty() : providerOptions;
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseModel = baseModel;
        b.trainingData = trainingData;
        b.trainingFile = trainingFile;
        b.validationData = validationData;
        b.validationFile = validationFile;
        b.suffix = suffix;
        b.seed = seed;
        b.metadata.putAll(metadata);
        b.method = method;
        b.hyperparameters = hyperparameters;
        b.extraBodyProperties.putAll(extraBodyProperties);
        b.idempotencyKey = idempotencyKey;
        b.keepFilesOnFailure = keepFilesOnFailure;
        b.tokenizer = tokenizer;
        b.chatTemplate = chatTemplate;
        b.providerOptions = providerOptions;
        return b;
    }

    /** Builds {@link FineTuneRequest}. Not thread-safe. */
    public static final class Builder {
        private String baseModel;
        private Optional<Dataset> trainingData = Optional.empty();
        private Optional<FileId> trainingFile = Optional.empty();
        private Optional<Dataset> validationData = Optional.empty();
        private Optional<FileId> validationFile = Optional.empty();
        private Optional<String> suffix = Optional.empty();
        private Optional<Long> seed = Optional.empty();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private FineTuneMethod method = FineTuneMethod.SUPERVISED;
        private Hyperparameters hyperparameters = Hyperparameters.defaults();
        private final Map<String, Object> extraBodyProperties = new LinkedHashMap<>();
        private Optional<String> idempotencyKey = Optional.empty();
        private boolean keepFilesOnFailure;
        private Optional<Tokenizer> tokenizer = Optional.empty();
        private Optional<ChatTemplate> chatTemplate = Optional.empty();
        private Optional<ProviderOptions> providerOptions = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the model to fine-tune.
         *
         * @param baseModel the model to fine-tune
         * @return this builder
         */
        public Builder baseModel(String baseModel) {
            this.baseModel = Objects.requireNonNull(baseModel, "baseModel");
            return this;
        }

        /**
         * Sets data to upload as the training file; clears {@link #trainingFile(FileId)}.
         *
         * @param data the dataset
         * @return this builder
         */
        public Builder trainingData(Dataset data) {
            this.trainingData = Optional.of(Objects.requireNonNull(data, "data"));
            this.trainingFile = Optional.empty();
            return this;
        }

        /**
         * Uses an uploaded file as training data; clears {@link #trainingData(Dataset)}.
         *
         * @param file the file id
         * @return this builder
         */
        public Builder trainingFile(FileId file) {
            this.trainingFile = Optional.of(Objects.requireNonNull(file, "file"));
            this.trainingData = Optional.empty();
            return this;
        }

        /**
         * Sets data to upload as the validation file; clears {@link #validationFile(FileId)}.
         *
         * @param data the dataset
         * @return this builder
         */
        public Builder validationData(Dataset data) {
            this.validationData = Optional.of(Objects.requireNonNull(data, "data"));
            this.validationFile = Optional.empty();
            return this;
        }

        /**
         * Uses an uploaded file as validation data; clears {@link #validationData(Dataset)}.
         *
         * @param file the file id
         * @return this builder
         */
        public Builder validationFile(FileId file) {
            this.validationFile = Optional.of(Objects.requireNonNull(file, "file"));
            this.validationData = Optional.empty();
            return this;
        }

        /**
         * Sets 1 to 64 characters of {@code [A-Za-z0-9_-]}.
         *
         * @param suffix 1 to 64 characters of {@code [A-Za-z0-9_-]}
         * @return this builder
         */
        public Builder suffix(String suffix) {
            this.suffix = Optional.of(Objects.requireNonNull(suffix, "suffix"));
            return this;
        }

        /**
         * Sets 0 to 2147483647.
         *
         * @param seed 0 to 2147483647
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = Optional.of(seed);
            return this;
        }

        /**
         * Sets replaces all metadata pairs.
         *
         * @param metadata replaces all metadata pairs
         * @return this builder
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.clear();
            this.metadata.putAll(metadata);
            return this;
        }

        /**
         * Adds one metadata pair.
         *
         * @param key up to 64 characters
         * @param value up to 512 characters
         * @return this builder
         */
        public Builder putMetadata(String key, String value) {
            this.metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the training method.
         *
         * @param method the training method
         * @return this builder
         */
        public Builder method(FineTuneMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets the hyperparameters.
         *
         * @param hyperparameters the hyperparameters
         * @return this builder
         */
        public Builder hyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
            return this;
        }

        /**
         * Adds a top-level property to the create request's JSON body. Unsupported: for provider features this SDK
         * does not model yet; the value must be a String, Number, Boolean, List or Map.
         *
         * @param name the JSON property name
         * @param value the value
         * @return this builder
         */
        public Builder putExtraBodyProperty(String name, Object value) {
            this.extraBodyProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Names this run for exactly-once creation. Without it, {@code start} derives the key from the request's
         * content (the digests of the training and validation data, base model, method, hyperparameters, suffix,
         * seed, metadata and extra properties), so that running the same program again after a crash finds the job
         * of the first run instead of paying for a second one. To train the same data again on purpose, give the
         * new run a new key, for example {@code idempotencyKey("t1000-2026-12-06-b")}. Stored with the job as
         * metadata {@value FineTuneRequest#IDEMPOTENCY_METADATA_KEY}; a key already set there is used as is.
         *
         * @param key 1 to 512 characters
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = Optional.of(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Keeps the files this start uploaded when it fails for good (by default they are deleted, so a failed start
         * leaves nothing behind; files found already uploaded are never deleted).
         *
         * @return this builder
         */
        public Builder keepFilesOnFailure() {
            this.keepFilesOnFailure = true;
            return this;
        }

        /**
         * Sets the tokenizer the pre-flight of {@code start} counts with, for exact token counts and cost of an open
         * model (for example {@code HuggingFaceTokenizer.fromHub("meta-llama/Llama-3.1-8B-Instruct", token,
         * cache)}). Default: the base model's tiktoken encoding for OpenAI's models and gpt-oss; for other open
         * models {@code cl100k_base} as an approximation, which the report says ({@code approximate_token_counts}).
         * Not sent to the provider and not part of the idempotency key.
         *
         * @param tokenizer the model's tokenizer
         * @return this builder
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Optional.of(Objects.requireNonNull(tokenizer, "tokenizer"));
            return this;
        }

        /**
         * Sets the chat template whose overhead the pre-flight of {@code start} counts. Default: the provider's
         * price table row for the base model, else the model family's (see {@code ChatTemplate}).
         *
         * @param template the template
         * @return this builder
         */
        public Builder chatTemplate(ChatTemplate template) {
            this.chatTemplate = Optional.of(Objects.requireNonNull(template, "template"));
            return this;
        }

        /**
         * Sets what only one provider offers, for example Together's LoRA rank, learning-rate scheduler or Hub
         * push. A provider whose id differs from {@link ProviderOptions#providerId()} refuses the request before
         * anything is uploaded. Part of the derived idempotency key through {@link ProviderOptions#describe()}.
         *
         * @param options the provider's options
         * @return this builder
         */
        public Builder providerOptions(ProviderOptions options) {
            this.providerOptions = Optional.of(Objects.requireNonNull(options, "options"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if the base model or the training data is missing
         * @throws IllegalArgumentException if a value breaks the providers' rules
         */
        public FineTuneRequest build() {
            if (baseModel == null) {
                throw new IllegalStateException("baseModel is required, for example \"gpt-4o-mini-2024-07-18\"");
            }
            if (trainingData.isEmpty() && trainingFile.isEmpty()) {
                throw new IllegalStateException("training data is required: call trainingData(...) or trainingFile(...)");
            }
            return new FineTuneRequest(baseModel, trainingData, trainingFile, validationData, validationFile, suffix,
                    seed, metadata, method, hyperparameters, extraBodyProperties, idempotencyKey, keepFilesOnFailure,
                    tokenizer, chatTemplate, providerOptions);
        }
    }
}
