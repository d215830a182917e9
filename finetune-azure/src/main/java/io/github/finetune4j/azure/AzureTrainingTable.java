package io.github.finetune4j.azure;

import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.preflight.TokenEncoding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which training types ({@code trainingType}) and methods Azure OpenAI accepts for a base model, where the service's
 * model catalog does not say it. {@code GET /models} gives {@code capabilities.fine_tune}, {@code lifecycle_status}
 * and the {@code deprecation} dates, and no field in the authoring spec (2024-10-21), the v1 spec or the ARM
 * {@code Accounts_ListModels} names the training tiers; a tier the model does not allow is refused only when the job
 * is created ({@code 400 invalidPayload}, "Standard TrainingType is not supported"). So this table is a versioned
 * snapshot of the documentation, like the core's {@code PriceTable}: the client's catalog
 * ({@code client.listModels()}, {@code client.getModel(name)}) reports its tiers in
 * {@link io.github.finetune4j.core.model.ModelInfo#trainingTypes()}, and {@code FineTuneJob.start} refuses a tier or
 * a method the table does not allow before anything is uploaded. A model without a row is not restricted: the
 * service decides (GPT models, whose regional {@code Standard} training depends on the resource's region).
 *
 * <p>{@link #foundry()} holds Azure AI Foundry's open models. Override a row when the service changes before this
 * SDK does, and pass the table to {@link AzureOpenAiFineTuning.Builder#trainingTable(AzureTrainingTable)}:
 *
 * <pre>{@code
 * AzureTrainingTable mine = AzureTrainingTable.foundry().toBuilder().version("my-resource-2027-01-10")
 *         .putRow(AzureTrainingTable.Row.supervised("Qwen-32B", AzureTrainingType.GLOBAL_STANDARD,
 *                 AzureTrainingType.DEVELOPER))
 *         .build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}. Immutable.
 *
 * @param version a label naming this snapshot, shown in every refusal
 * @param readOn the day the rows were read from their sources
 * @param source where the rows come from
 * @param rows one row per base model
 */
public record AzureTrainingTable(String version, LocalDate readOn, String source, List<Row> rows) {
    /** The version of {@link #foundry()}: {@value}. */
    public static final String FOUNDRY_VERSION = "azure-foundry-2026-12-06";

    private static final LocalDate FOUNDRY_READ_ON = LocalDate.of(2026, 12, 6);
    private static final String FOUNDRY_SOURCE = "Microsoft Learn, Azure OpenAI fine-tuning models "
            + "(articles/ai-foundry/openai/includes/fine-tune-models.md: Ministral-3B and Qwen-32B, standard training "
            + "not supported, global training supported; supervised fine-tuning only per the Foundry fine-tuning "
            + "overview) and finetune4j issue 11 (gpt-oss-20b, Llama-3.3-70B-Instruct: global and data-zone training, "
            + "not yet confirmed by a Microsoft document)";

    /**
     * Validates the components and copies the rows.
     *
     * @param version a label naming this snapshot
     * @param readOn the day the rows were read
     * @param source where the rows come from
     * @param rows one row per base model
     * @throws IllegalArgumentException if the version or source is blank, or two rows name one model
     */
    public AzureTrainingTable {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(readOn, "readOn");
        Objects.requireNonNull(source, "source");
        if (version.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("version and source must not be blank");
        }
        rows = List.copyOf(rows);
        Set<String> models = rows.stream().map(r -> r.model().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (models.size() != rows.size()) {
            throw new IllegalArgumentException("two rows name the same model: " + rows.stream().map(Row::model)
                    .toList());
        }
    }

    /**
     * Azure AI Foundry's open models as of 2026-12-06 (version {@value #FOUNDRY_VERSION}): all of them train with
     * {@code GlobalStandard} and supervised fine-tuning only, never with regional {@code Standard} (the SDK's default
     * tier) nor DPO; gpt-oss-20b and Llama-3.3-70B-Instruct also with {@code DataZoneStandard}.
     *
     * <table>
     * <caption>Rows</caption>
     * <tr><th>model</th><th>training types</th><th>methods</th><th>source</th></tr>
     * <tr><td>{@code Ministral-3B}</td><td>GlobalStandard</td><td>supervised</td><td>Microsoft Learn</td></tr>
     * <tr><td>{@code Qwen-32B}</td><td>GlobalStandard</td><td>supervised</td><td>Microsoft Learn</td></tr>
     * <tr><td>{@code Llama-3.3-70B-Instruct}</td><td>GlobalStandard, DataZoneStandard</td><td>supervised</td>
     *     <td>issue 11, unconfirmed</td></tr>
     * <tr><td>{@code gpt-oss-20b}</td><td>GlobalStandard, DataZoneStandard</td><td>supervised</td>
     *     <td>issue 11, unconfirmed</td></tr>
     * </table>
     *
     * @return the table
     */
    public static AzureTrainingTable foundry() {
        return builder().version(FOUNDRY_VERSION).readOn(FOUNDRY_READ_ON).source(FOUNDRY_SOURCE)
                .putRow(Row.supervised("Ministral-3B", AzureTrainingType.GLOBAL_STANDARD))
                .putRow(Row.supervised("Qwen-32B", AzureTrainingType.GLOBAL_STANDARD))
                .putRow(Row.supervised("Llama-3.3-70B-Instruct", AzureTrainingType.GLOBAL_STANDARD,
                        AzureTrainingType.DATA_ZONE_STANDARD))
                .putRow(Row.supervised("gpt-oss-20b", AzureTrainingType.GLOBAL_STANDARD,
                        AzureTrainingType.DATA_ZONE_STANDARD))
                .build();
    }

    /**
     * A table without rows: no model is restricted, every refusal is left to the service.
     *
     * @return the table, version {@code none}
     */
    public static AzureTrainingTable none() {
        return builder().version("none").readOn(FOUNDRY_READ_ON).source("no restrictions").build();
    }

    /**
     * Finds the row of a model: of its base model for a fine-tuned one ({@code <base>.ft-<id>}, a checkpoint of it,
     * or {@code ft:<base>:...}), compared without regard to case.
     *
     * @param model a base model, a fine-tuned model or a checkpoint
     * @return the row, or empty when the model is not restricted
     * @throws NullPointerException if {@code model} is null
     */
    public Optional<Row> find(String model) {
        String base = TokenEncoding.baseModelName(Objects.requireNonNull(model, "model"));
        return rows.stream().filter(r -> r.model().toLowerCase(Locale.ROOT).equals(base)).findFirst();
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
     * A builder holding this table's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().version(version).readOn(readOn).source(source);
        rows.forEach(b::putRow);
        return b;
    }

    /**
     * What one base model allows.
     *
     * @param model the base model as Azure names it, for example {@code Ministral-3B}
     * @param trainingTypes the training types a job on it may use, at least one
     * @param methods the fine-tuning methods a job on it may use, at least one
     */
    public record Row(String model, List<AzureTrainingType> trainingTypes, Set<FineTuneMethod> methods) {
        /**
         * Validates the components and copies the collections.
         *
         * @param model the base model as Azure names it
         * @param trainingTypes the allowed training types, at least one
         * @param methods the allowed methods, at least one
         * @throws IllegalArgumentException if the model is blank or a list is empty
         */
        public Row {
            Objects.requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            trainingTypes = List.copyOf(trainingTypes);
            methods = Set.copyOf(methods);
            if (trainingTypes.isEmpty() || methods.isEmpty()) {
                throw new IllegalArgumentException(model + ": a row allows at least one training type and method");
            }
        }

        /**
         * A model that is fine-tuned with supervised fine-tuning only.
         *
         * @param model the base model as Azure names it
         * @param trainingTypes the allowed training types, at least one
         * @return the row
         * @throws IllegalArgumentException if no training type is given
         */
        public static Row supervised(String model, AzureTrainingType... trainingTypes) {
            return new Row(model, List.of(trainingTypes), EnumSet.of(FineTuneMethod.SUPERVISED));
        }

        /**
         * Tells whether a job on this model may use a training type (in any of its spellings, see
         * {@link AzureTrainingType#sameTierAs}).
         *
         * @param type the training type
         * @return true when allowed
         */
        public boolean allows(AzureTrainingType type) {
            return trainingTypes.stream().anyMatch(t -> t.sameTierAs(type));
        }

        /**
         * The allowed training types as sent on the wire.
         *
         * @return for example {@code [GlobalStandard]}
         */
        public List<String> trainingTypeNames() {
            return trainingTypes.stream().map(AzureTrainingType::value).toList();
        }
    }

    /** Collects a table; rows are kept in the order first put. Not thread-safe. */
    public static final class Builder {
        private String version;
        private LocalDate readOn;
        private String source;
        private final Map<String, Row> rows = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the label of the snapshot.
         *
         * @param version for example {@code my-resource-2027-01-10}
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the day the rows were read.
         *
         * @param readOn the day
         * @return this builder
         */
        public Builder readOn(LocalDate readOn) {
            this.readOn = Objects.requireNonNull(readOn, "readOn");
            return this;
        }

        /**
         * Sets where the rows come from.
         *
         * @param source for example a document and its date
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Adds a row, replacing the row of the same model (compared without regard to case).
         *
         * @param row the row
         * @return this builder
         */
        public Builder putRow(Row row) {
            Objects.requireNonNull(row, "row");
            rows.put(row.model().toLowerCase(Locale.ROOT), row);
            return this;
        }

        /**
         * Removes the row of a model, which lifts its restriction.
         *
         * @param model the model
         * @return this builder
         */
        public Builder removeRow(String model) {
            rows.remove(Objects.requireNonNull(model, "model").toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws IllegalStateException if the version, the day or the source is missing
         */
        public AzureTrainingTable build() {
            if (version == null || readOn == null || source == null) {
                throw new IllegalStateException("version, readOn and source are required");
            }
            return new AzureTrainingTable(version, readOn, source, new ArrayList<>(rows.values()));
        }
    }
}
