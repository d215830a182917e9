package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.model.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's limits and training prices, versioned by the date they were read. Every provider declares its own
 * table; the built-in ones ({@link #openAi()}, {@link #azureOpenAi()}, {@link #together()}) are snapshots. Build one
 * for any other provider with {@link #builder()}, or override a row or a limit when the provider changes them:
 *
 * <pre>{@code
 * PriceTable mine = PriceTable.azureOpenAi().toBuilder()
 *         .version("azure-swedencentral-2026-12-01")
 *         .putModel(ModelLimits.builder().model("gpt-4.1-mini").encoding(TokenEncoding.O200K_BASE)
 *                 .maxTokensPerExample(65_536).trainingPricePerMillionTokens(new BigDecimal("5.00")).build())
 *         .build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param provider the provider id, for example {@code openai} or {@code azure-openai}
 * @param version a label that names this snapshot, shown in every cost estimate
 * @param readOn the day the figures were read from the provider's documentation
 * @param source where the figures come from
 * @param maxFileBytes largest file for a single upload request; above it the large-file (Uploads API) route is needed
 * @param maxUploadBytes largest file the provider accepts at all
 * @param maxTrainedTokensPerJob largest job (trained tokens, i.e. tokens times epochs), if the provider has a cap
 * @param byteOrderMarkSeverity how a UTF-8 byte-order mark at the start of the file is reported
 * @param models the per-model rows; looked up by longest prefix of the base model name
 */
public record PriceTable(String provider, String version, LocalDate readOn, String source, long maxFileBytes,
                         long maxUploadBytes, Optional<Long> maxTrainedTokensPerJob, Severity byteOrderMarkSeverity,
                         List<ModelLimits> models) {
    private static final LocalDate OPENAI_READ_ON = LocalDate.of(2026, 11, 22);
    private static final LocalDate AZURE_READ_ON = LocalDate.of(2026, 11, 22);
    private static final LocalDate TOGETHER_READ_ON = LocalDate.of(2026, 11, 22);
    private static final long TOGETHER_MAX_FILE_BYTES = 53_794_465_382L;
    private static final long MB = 1_000_000L;
    private static final long GB = 1_000_000_000L;

    /**
     * Validates the components and copies the rows.
     *
     * @param provider the provider id, for example {@code openai} or {@code azure-openai}
     * @param version a label that names this snapshot, shown in every cost estimate
     * @param readOn the day the figures were read from the provider's documentation
     * @param source where the figures come from
     * @param maxFileBytes largest file for a single upload request; above it the large-file (Uploads API) route is
     *        needed
     * @param maxUploadBytes largest file the provider accepts at all
     * @param maxTrainedTokensPerJob largest job (trained tokens, i.e. tokens times epochs), if the provider has a cap
     * @param byteOrderMarkSeverity how a UTF-8 byte-order mark at the start of the file is reported
     * @param models the per-model rows; looked up by longest prefix of the base model name
     * @throws IllegalArgumentException if a size is not positive
     */
    public PriceTable {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(readOn, "readOn");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(byteOrderMarkSeverity, "byteOrderMarkSeverity");
        if (maxFileBytes <= 0 || maxUploadBytes <= 0) {
            throw new IllegalArgumentException("file size limits must be positive");
        }
        maxTrainedTokensPerJob = maxTrainedTokensPerJob == null ? Optional.empty() : maxTrainedTokensPerJob;
        models = List.copyOf(models == null ? List.of() : models);
    }

    /**
     * OpenAI's limits and prices as of 2026-11-22: 512 MB per {@code /files} upload, 8 GB through the Uploads API,
     * 65,536 tokens per example for gpt-4o and gpt-4.1 (32,768 for gpt-4.1-nano), 16,385 for gpt-3.5-turbo-0125/1106,
     * 4,096 for gpt-3.5-turbo-0613; training prices per million tokens: gpt-4.1 $25, gpt-4.1-mini $5, gpt-4.1-nano
     * $1.50, gpt-4o $25, gpt-4o-mini $3, gpt-3.5-turbo $8. A byte-order mark is an error.
     *
     * @return the table, version {@code openai-2026-11-22}
     */
    public static PriceTable openAi() {
        return builder().provider("openai").version("openai-2026-11-22").readOn(OPENAI_READ_ON)
                .source("OpenAI fine-tuning guide and pricing page (finetune4j reference, sections 7.5 and 8)")
                .maxFileBytes(512 * MB).maxUploadBytes(8 * GB).byteOrderMarkSeverity(Severity.ERROR)
                .putModel(row("gpt-4.1-nano", TokenEncoding.O200K_BASE, 32_768, "1.50"))
                .putModel(row("gpt-4.1-mini", TokenEncoding.O200K_BASE, 65_536, "5.00"))
                .putModel(row("gpt-4.1", TokenEncoding.O200K_BASE, 65_536, "25.00"))
                .putModel(row("gpt-4o-mini", TokenEncoding.O200K_BASE, 65_536, "3.00"))
                .putModel(row("gpt-4o", TokenEncoding.O200K_BASE, 65_536, "25.00"))
                .putModel(row("gpt-3.5-turbo-0613", TokenEncoding.CL100K_BASE, 4_096, "8.00"))
                .putModel(row("gpt-3.5-turbo", TokenEncoding.CL100K_BASE, 16_385, "8.00"))
                .putModel(row("gpt-4-0613", TokenEncoding.CL100K_BASE, 8_192, null))
                .build();
    }

    /**
     * Azure OpenAI's limits as of 2026-11-22: 512 MB per file through the API (uploads above about 100 MB should use
     * the Uploads API), 1 GB of fine-tuning files per resource, at most 2 billion trained tokens per job, 65,536
     * tokens per example for gpt-4o, gpt-4o-mini, gpt-4.1 and gpt-4.1-mini, 32,768 for gpt-4.1-nano. Azure prices
     * depend on region and training tier and are not in this table: add them with {@link #toBuilder()} to get a
     * price in the estimate. A byte-order mark is a warning (Azure's documentation asks for "UTF-8 with BOM").
     *
     * @return the table, version {@code azure-openai-2026-11-22}
     */
    public static PriceTable azureOpenAi() {
        return builder().provider("azure-openai").version("azure-openai-2026-11-22").readOn(AZURE_READ_ON)
                .source("Azure OpenAI fine-tuning docs and quotas (finetune4j reference, sections 2.5, 3.9 and 6.4)")
                .maxFileBytes(512 * MB).maxUploadBytes(GB).maxTrainedTokensPerJob(2 * GB)
                .byteOrderMarkSeverity(Severity.WARNING)
                .putModel(row("gpt-4.1-nano", TokenEncoding.O200K_BASE, 32_768, null))
                .putModel(row("gpt-4.1-mini", TokenEncoding.O200K_BASE, 65_536, null))
                .putModel(row("gpt-4.1", TokenEncoding.O200K_BASE, 65_536, null))
                .putModel(row("gpt-4o-mini", TokenEncoding.O200K_BASE, 65_536, null))
                .putModel(row("gpt-4o", TokenEncoding.O200K_BASE, 65_536, null))
                .putModel(row("gpt-3.5-turbo-0613", TokenEncoding.CL100K_BASE, 4_096, null))
                .putModel(row("gpt-3.5-turbo", TokenEncoding.CL100K_BASE, 16_385, null))
                .build();
    }

    /**
     * Together AI's limits as of 2026-11-22, from its documentation and SDKs (finetune4j reference, sections 2, 8
     * and 9): files up to 50.1 GiB (the SDKs' check; the docs allow 100 GB), and the models whose limits are
     * documented there, such as {@code meta-llama/Meta-Llama-3.1-8B-Instruct-Reference} with a 131,072-token SFT
     * context. Together bills per token ({@code epochs x training tokens + evals x validation tokens}) at a rate
     * that depends on the model's size, SFT or DPO, and LoRA or full training; the rates are published on
     * together.ai/pricing and not in this table, so estimates have no price until you add it, and the service's
     * own estimate ({@code POST /fine-tunes/estimate-price}) is the authority:
     *
     * <pre>{@code
     * PriceTable together = PriceTable.together().toBuilder().version("together-lora-sft-2026-12")
     *         .putModel(PriceTable.together().find("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
     *                 .orElseThrow().toBuilder().trainingPricePerMillionTokens(new BigDecimal("0.48")).build())
     *         .build();
     * }</pre>
     *
     * <p>Rows carry the model's chat template and the Hugging Face repository of its tokenizer; token counts are
     * approximate ({@code cl100k_base}) unless that tokenizer is passed to
     * {@link ValidationOptions.Builder#tokenizer}. A byte-order mark is an error.
     *
     * @return the table, version {@code together-2026-11-22}
     */
    public static PriceTable together() {
        return builder().provider("together").version("together-2026-11-22").readOn(TOGETHER_READ_ON)
                .source("Together AI fine-tuning docs and SDKs (finetune4j reference, sections 2, 8 and 9); prices"
                        + " not included")
                .maxFileBytes(TOGETHER_MAX_FILE_BYTES).maxUploadBytes(TOGETHER_MAX_FILE_BYTES)
                .byteOrderMarkSeverity(Severity.ERROR)
                .putModel(ModelLimits.builder().model("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
                        .encoding(TokenEncoding.CL100K_BASE).maxTokensPerExample(131_072)
                        .chatTemplate(ChatTemplate.LLAMA_3).tokenizerModelId("meta-llama/Llama-3.1-8B-Instruct")
                        .build())
                .build();
    }

    private static ModelLimits row(String model, TokenEncoding encoding, int limit, String price) {
        ModelLimits.Builder b = ModelLimits.builder().model(model).encoding(encoding).maxTokensPerExample(limit);
        if (price != null) {
            b.trainingPricePerMillionTokens(new BigDecimal(price));
        }
        return b.build();
    }

    /**
     * Finds the row of a model: the row whose name is the longest prefix of the model's base name (see
     * {@link TokenEncoding#baseModelName(String)}).
     *
     * @param model the base model, a fine-tuned name or an Azure name
     * @return the row, or empty when no row matches
     */
    public Optional<ModelLimits> find(String model) {
        Objects.requireNonNull(model, "model");
        String base = TokenEncoding.baseModelName(model);
        ModelLimits best = null;
        for (ModelLimits row : models) {
            if (base.startsWith(row.model()) && (best == null || row.model().length() > best.model().length())) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
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
     * Starts a builder holding this table, to override rows or limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().provider(provider).version(version).readOn(readOn).source(source)
                .maxFileBytes(maxFileBytes).maxUploadBytes(maxUploadBytes).byteOrderMarkSeverity(byteOrderMarkSeverity)
                .models(models);
        b.maxTrainedTokensPerJob = maxTrainedTokensPerJob;
        return b;
    }

    /** Builds a {@link PriceTable}. Not thread-safe. */
    public static final class Builder {
        private final List<ModelLimits> models = new ArrayList<>();
        private String provider;
        private String version;
        private LocalDate readOn;
        private String source = "user supplied";
        private long maxFileBytes = 512 * MB;
        private long maxUploadBytes = 8 * GB;
        private Optional<Long> maxTrainedTokensPerJob = Optional.empty();
        private Severity byteOrderMarkSeverity = Severity.ERROR;

        private Builder() {
        }

        /**
         * Sets the provider id.
         *
         * @param provider for example {@code openai}
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Sets the version label.
         *
         * @param version a label shown in estimates
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the day the figures were read.
         *
         * @param readOn the date
         * @return this builder
         */
        public Builder readOn(LocalDate readOn) {
            this.readOn = Objects.requireNonNull(readOn, "readOn");
            return this;
        }

        /**
         * Sets where the figures come from. Default: {@code user supplied}.
         *
         * @param source a description
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets the single-request upload limit. Default: 512 MB.
         *
         * @param bytes a positive size in bytes
         * @return this builder
         */
        public Builder maxFileBytes(long bytes) {
            this.maxFileBytes = bytes;
            return this;
        }

        /**
         * Sets the largest accepted file. Default: 8 GB.
         *
         * @param bytes a positive size in bytes
         * @return this builder
         */
        public Builder maxUploadBytes(long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        /**
         * Sets the largest job in trained tokens. Default: no cap.
         *
         * @param tokens a positive number of tokens
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxTrainedTokensPerJob(long tokens) {
            if (tokens <= 0) {
                throw new IllegalArgumentException("maxTrainedTokensPerJob must be positive: " + tokens);
            }
            this.maxTrainedTokensPerJob = Optional.of(tokens);
            return this;
        }

        /**
         * Sets how a byte-order mark is reported. Default: {@link Severity#ERROR}.
         *
         * @param severity error or warning
         * @return this builder
         */
        public Builder byteOrderMarkSeverity(Severity severity) {
            this.byteOrderMarkSeverity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        /**
         * Replaces all rows.
         *
         * @param rows the rows
         * @return this builder
         */
        public Builder models(List<ModelLimits> rows) {
            models.clear();
            rows.forEach(this::putModel);
            return this;
        }

        /**
         * Adds a row, replacing a row with the same model name.
         *
         * @param row the row
         * @return this builder
         */
        public Builder putModel(ModelLimits row) {
            Objects.requireNonNull(row, "row");
            models.removeIf(m -> m.model().equals(row.model()));
            models.add(row);
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws IllegalStateException if provider, version or date is missing
         */
        public PriceTable build() {
            if (provider == null || version == null || readOn == null) {
                throw new IllegalStateException("provider, version and readOn are required");
            }
            return new PriceTable(provider, version, readOn, source, maxFileBytes, maxUploadBytes,
                    maxTrainedTokensPerJob, byteOrderMarkSeverity, models);
        }
    }
}
