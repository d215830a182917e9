package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.model.FineTuneMethod;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a dataset is checked before upload: for which model and method, against which provider's limits and prices,
 * what to do with personal data, and how much machine to use.
 *
 * <pre>{@code
 * ValidationOptions options = ValidationOptions.builder()
 *         .baseModel("gpt-4.1-mini-2025-04-14")
 *         .priceTable(PriceTable.azureOpenAi())
 *         .piiPolicy(PiiPolicy.REDACT).redactedCopy(Path.of("train.redacted.jsonl"))
 *         .build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param baseModel the model to fine-tune; picks the tokenizer, the chat template, the per-example limit and the price
 * @param method the training method the lines must match
 * @param priceTable the provider's limits and prices
 * @param encoding an encoding that overrides the one the model implies
 * @param epochs a fixed {@code n_epochs}; empty means the providers' {@code auto} heuristic
 * @param piiPolicy what to do with personal data and secrets
 * @param redactedCopy where {@link PiiPolicy#REDACT} writes the redacted copy
 * @param threads worker threads that parse, count and scan
 * @param maxLineBytes longest line accepted, in bytes; a longer line is reported and skipped without being read
 *                     into memory
 * @param maxNestingDepth deepest JSON nesting accepted
 * @param maxIssuesPerCode how many issues (and personal-data findings) of one code the report keeps; every one is
 *                         still counted
 * @param lineTimeLimit how long counting the tokens of one line may take; a line that needs longer is reported as
 *                      {@code line_too_expensive} and left out of the token statistics, and the file goes on
 * @param tokenizer the model's tokenizer, which overrides the one the model name implies; counts with it are exact
 * @param chatTemplate the chat format whose overhead is counted, which overrides the one the model name implies
 */
public record ValidationOptions(String baseModel, FineTuneMethod method, PriceTable priceTable,
                                Optional<TokenEncoding> encoding, Optional<Integer> epochs, PiiPolicy piiPolicy,
                                Optional<Path> redactedCopy, int threads, int maxLineBytes, int maxNestingDepth,
                                int maxIssuesPerCode, Duration lineTimeLimit, Optional<Tokenizer> tokenizer,
                                Optional<ChatTemplate> chatTemplate) {
    /** Default worker threads: 2. */
    public static final int DEFAULT_THREADS = 2;
    /** Default longest line: 16 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** Default deepest nesting: 64. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Default issues kept per code: 100. */
    public static final int DEFAULT_MAX_ISSUES_PER_CODE = 100;
    /**
     * Default time limit for counting one line: 30 s. A line of 15 million identical characters counts in about
     * 2 s, so only a pathological line reaches it.
     */
    public static final Duration DEFAULT_LINE_TIME_LIMIT = Duration.ofSeconds(30);
    private static final int MAX_EPOCHS = 50;
    private static final int MAX_THREADS = 64;
    private static final int MIN_LINE_BYTES = 256;
    /**
     * Validates the components.
     *
     * @param baseModel the model to fine-tune; picks the encoding, the per-example limit and the price
     * @param method the training method the lines must match
     * @param priceTable the provider's limits and prices
     * @param encoding an encoding that overrides the one the model implies
     * @param epochs a fixed {@code n_epochs}; empty means the providers' {@code auto} heuristic
     * @param piiPolicy what to do with personal data and secrets
     * @param redactedCopy where {@link PiiPolicy#REDACT} writes the redacted copy
     * @param threads worker threads that parse, count and scan
     * @param maxLineBytes longest line accepted, in bytes; a longer line is reported and skipped without being read
     *        into memory
     * @param maxNestingDepth deepest JSON nesting accepted
     * @param maxIssuesPerCode how many issues (and personal-data findings) of one code the report keeps; every one is
     *        still counted
     * @param lineTimeLimit how long counting the tokens of one line may take; a line that needs longer is reported
     *        as {@code line_too_expensive} and left out of the token statistics, and the file goes on
     * @param tokenizer the model's tokenizer, which overrides the one the model name implies; counts with it are
     *        exact
     * @param chatTemplate the chat format whose overhead is counted, which overrides the one the model name implies
     * @throws IllegalArgumentException if a value is out of range, or {@code redactedCopy} and {@link PiiPolicy#REDACT}
     *        do not go together
     */
    public ValidationOptions {
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(priceTable, "priceTable");
        Objects.requireNonNull(piiPolicy, "piiPolicy");
        encoding = encoding == null ? Optional.empty() : encoding;
        epochs = epochs == null ? Optional.empty() : epochs;
        redactedCopy = redactedCopy == null ? Optional.empty() : redactedCopy;
        if (baseModel.isBlank()) {
            throw new IllegalArgumentException("baseModel must not be blank");
        }
        epochs.ifPresent(e -> {
            if (e < 1 || e > MAX_EPOCHS) {
                throw new IllegalArgumentException("epochs must be 1 to " + MAX_EPOCHS + ": " + e);
            }
        });
        if ((piiPolicy == PiiPolicy.REDACT) != redactedCopy.isPresent()) {
            throw new IllegalArgumentException(
                    "redactedCopy is required with PiiPolicy.REDACT and only allowed with it");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ": " + threads);
        }
        if (maxLineBytes < MIN_LINE_BYTES) {
            throw new IllegalArgumentException("maxLineBytes must be at least " + MIN_LINE_BYTES + ": " + maxLineBytes);
        }
        if (maxNestingDepth < 4 || maxNestingDepth > 1000) {
            throw new IllegalArgumentException("maxNestingDepth must be 4 to 1000: " + maxNestingDepth);
        }
        if (maxIssuesPerCode < 1) {
            throw new IllegalArgumentException("maxIssuesPerCode must be at least 1: " + maxIssuesPerCode);
        }
        Objects.requireNonNull(lineTimeLimit, "lineTimeLimit");
        tokenizer = tokenizer == null ? Optional.empty() : tokenizer;
        chatTemplate = chatTemplate == null ? Optional.empty() : chatTemplate;
        if (tokenizer.isPresent() && encoding.isPresent()) {
            throw new IllegalArgumentException("set either a tokenizer or an encoding, not both");
        }
        if (lineTimeLimit.isNegative() || lineTimeLimit.isZero()) {
            throw new IllegalArgumentException("lineTimeLimit must be positive: " + lineTimeLimit);
        }
    }

    /**
     * Starts a builder with the defaults: supervised, {@link PriceTable#openAi()}, encoding from the model, epochs
     * by heuristic, {@link PiiPolicy#WARN}, 2 threads, 16 MiB lines, nesting 64, 100 issues per code, 30 s per line,
     * tokenizer and chat template from the model.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().baseModel(baseModel).method(method).priceTable(priceTable).piiPolicy(piiPolicy)
                .threads(threads).maxLineBytes(maxLineBytes).maxNestingDepth(maxNestingDepth)
                .maxIssuesPerCode(maxIssuesPerCode).lineTimeLimit(lineTimeLimit);
        b.encoding = encoding;
        b.tokenizer = tokenizer;
        b.chatTemplate = chatTemplate;
        b.epochs = epochs;
        b.redactedCopy = redactedCopy;
        return b;
    }

    /** Builds {@link ValidationOptions}. Not thread-safe. */
    public static final class Builder {
        private String baseModel;
        private FineTuneMethod method = FineTuneMethod.SUPERVISED;
        private PriceTable priceTable;
        private Optional<TokenEncoding> encoding = Optional.empty();
        private Optional<Integer> epochs = Optional.empty();
        private PiiPolicy piiPolicy = PiiPolicy.WARN;
        private Optional<Path> redactedCopy = Optional.empty();
        private int threads = DEFAULT_THREADS;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxIssuesPerCode = DEFAULT_MAX_ISSUES_PER_CODE;
        private Duration lineTimeLimit = DEFAULT_LINE_TIME_LIMIT;
        private Optional<Tokenizer> tokenizer = Optional.empty();
        private Optional<ChatTemplate> chatTemplate = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the model to fine-tune. Required.
         *
         * @param model a base model such as {@code gpt-4o-mini-2024-07-18}; {@code ft:} and Azure names work too
         * @return this builder
         */
        public Builder baseModel(String model) {
            this.baseModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the training method. Default: {@link FineTuneMethod#SUPERVISED}.
         *
         * @param method the method
         * @return this builder
         */
        public Builder method(FineTuneMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets the provider's limits and prices. Default: {@link PriceTable#openAi()}.
         *
         * @param table the table
         * @return this builder
         */
        public Builder priceTable(PriceTable table) {
            this.priceTable = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * Overrides the encoding the model implies. For a model that has a tokenizer of its own, prefer
         * {@link #tokenizer(Tokenizer)}: an encoding counts it only approximately.
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder encoding(TokenEncoding encoding) {
            this.encoding = Optional.of(Objects.requireNonNull(encoding, "encoding"));
            return this;
        }

        /**
         * Sets the model's tokenizer. Default: chosen from the base model name: OpenAI's models and gpt-oss count
         * exactly with their tiktoken encoding; Llama 3, Qwen and Mistral models have tokenizers of their own and
         * are counted with {@code cl100k_base} as an approximation (the report says so) unless their
         * {@code tokenizer.json} is given here ({@link HuggingFaceTokenizer#fromFile} or
         * {@link HuggingFaceTokenizer#fromHub}). Counts with the given tokenizer are reported as exact.
         *
         * @param tokenizer the tokenizer
         * @return this builder
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Optional.of(Objects.requireNonNull(tokenizer, "tokenizer"));
            return this;
        }

        /**
         * Sets the chat format whose overhead is counted. Default: chosen from the base model name (OpenAI models
         * {@link ChatTemplate#OPENAI}, gpt-oss {@link ChatTemplate#HARMONY}, Llama 3 {@link ChatTemplate#LLAMA_3},
         * Qwen {@link ChatTemplate#CHATML}, Mistral {@link ChatTemplate#MISTRAL}, others {@link ChatTemplate#OPENAI}).
         *
         * @param template the template
         * @return this builder
         */
        public Builder chatTemplate(ChatTemplate template) {
            this.chatTemplate = Optional.of(Objects.requireNonNull(template, "template"));
            return this;
        }

        /**
         * Fixes the number of epochs, as {@code n_epochs} in the job does. Default: the {@code auto} heuristic.
         *
         * @param epochs 1 to 50
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = Optional.of(epochs);
            return this;
        }

        /**
         * Sets what to do with personal data and secrets. Default: {@link PiiPolicy#WARN}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder piiPolicy(PiiPolicy policy) {
            this.piiPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the file the redacted copy is written to, with {@link PiiPolicy#REDACT}. The file is written to a
         * temporary file beside it and moved into place when complete.
         *
         * @param target the file to create or replace
         * @return this builder
         */
        public Builder redactedCopy(Path target) {
            this.redactedCopy = Optional.of(Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * Sets the worker threads. Default: 2.
         *
         * @param threads 1 to 64
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Sets the longest line accepted. Default: 16 MiB.
         *
         * @param bytes at least 256
         * @return this builder
         */
        public Builder maxLineBytes(int bytes) {
            this.maxLineBytes = bytes;
            return this;
        }

        /**
         * Sets the deepest JSON nesting accepted. Default: 64.
         *
         * @param depth 4 to 1000
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = depth;
            return this;
        }

        /**
         * Sets how many issues of one code the report keeps. Default: 100.
         *
         * @param issues at least 1
         * @return this builder
         */
        public Builder maxIssuesPerCode(int issues) {
            this.maxIssuesPerCode = issues;
            return this;
        }

        /**
         * Sets how long counting the tokens of one line may take. Default: 30 s. Counting is exact and takes
         * O(n log n) time for any line (about 2 s for 15 MB of one character on one core); the limit keeps a
         * pathological line from holding a worker thread for minutes. A line over the limit is reported as
         * {@code line_too_expensive}, its tokens are not counted, and the rest of the file is checked.
         *
         * @param limit a positive duration
         * @return this builder
         */
        public Builder lineTimeLimit(Duration limit) {
            this.lineTimeLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalStateException if the base model is missing
         * @throws IllegalArgumentException if a value is out of range
         */
        public ValidationOptions build() {
            if (baseModel == null) {
                throw new IllegalStateException("base model missing: call baseModel(...)");
            }
            return new ValidationOptions(baseModel, method, priceTable == null ? PriceTable.openAi() : priceTable,
                    encoding, epochs, piiPolicy, redactedCopy, threads, maxLineBytes, maxNestingDepth,
                    maxIssuesPerCode, lineTimeLimit, tokenizer, chatTemplate);
        }
    }
}
