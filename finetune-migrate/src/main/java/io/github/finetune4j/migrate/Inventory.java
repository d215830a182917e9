package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.ModelInfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a fine-tuning account holds: every job (newest first) with its files and shutdown date, the fine-tuned
 * models of the catalog that no listed job produced, and notes about what could not be read. From
 * {@link Migration#inventory(io.github.finetune4j.core.FineTuneClient)}. Build it with {@link #builder()}; the
 * canonical constructor is outside the compatibility promise.
 *
 * <pre>{@code
 * Inventory inventory = Migration.inventory(openAiClient);
 * System.out.print(inventory.toText());          // for people; inventory.toJson() for tools
 * }</pre>
 *
 * @param provider the provider's id
 * @param takenAt when it was taken
 * @param entries the jobs, newest first
 * @param unmatchedModels fine-tuned models in the catalog without a job in the job list
 * @param notes what could not be read, for example a provider without a model catalog
 */
public record Inventory(String provider, Instant takenAt, List<InventoryEntry> entries,
                        List<ModelInfo> unmatchedModels, List<String> notes) {
    /**
     * Checks and copies the components.
     *
     * @param provider the provider
     * @param takenAt when
     * @param entries the jobs
     * @param unmatchedModels models without a job
     * @param notes notes
     */
    public Inventory {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(takenAt, "takenAt");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        unmatchedModels = unmatchedModels == null ? List.of() : List.copyOf(unmatchedModels);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The entries that can be migrated (succeeded jobs with a model).
     *
     * @return those entries, newest first
     */
    public List<InventoryEntry> migratable() {
        return entries.stream().filter(InventoryEntry::isMigratable).toList();
    }

    /**
     * A table for people: one line per job with model, base model, method, epochs, files and their availability,
     * shutdown date and days left; then the models without a job and the notes.
     *
     * @return the text, ending with a line break
     */
    public String toText() {
        return InventoryText.render(this);
    }

    /**
     * The same as JSON, for tools: an object with {@code provider}, {@code taken_at}, {@code jobs} (each with
     * {@code id}, {@code status}, {@code fine_tuned_model}, {@code base_model}, {@code method},
     * {@code hyperparameters}, {@code suffix}, {@code seed}, {@code created_at}, {@code trained_tokens},
     * {@code training_file} and {@code validation_file} with {@code id}, {@code availability}, {@code filename},
     * {@code bytes}, {@code detail}, {@code shutdown_date}, {@code days_left}, {@code migratable} and
     * {@code not_migratable}), {@code unmatched_models} and {@code notes}.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        return InventoryJson.render(this);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Inventory}. Not thread-safe. */
    public static final class Builder {
        private String provider;
        private Instant takenAt;
        private List<InventoryEntry> entries = List.of();
        private List<ModelInfo> unmatchedModels = List.of();
        private List<String> notes = List.of();

        private Builder() {
        }

        /**
         * Sets the provider id. Required.
         *
         * @param provider the id
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Sets when it was taken. Required.
         *
         * @param takenAt the instant
         * @return this builder
         */
        public Builder takenAt(Instant takenAt) {
            this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
            return this;
        }

        /**
         * Sets the entries. Default none.
         *
         * @param entries the jobs, newest first
         * @return this builder
         */
        public Builder entries(List<InventoryEntry> entries) {
            this.entries = List.copyOf(entries);
            return this;
        }

        /**
         * Sets the models without a job. Default none.
         *
         * @param models the models
         * @return this builder
         */
        public Builder unmatchedModels(List<ModelInfo> models) {
            this.unmatchedModels = List.copyOf(models);
            return this;
        }

        /**
         * Sets the notes. Default none.
         *
         * @param notes the notes
         * @return this builder
         */
        public Builder notes(List<String> notes) {
            this.notes = List.copyOf(notes);
            return this;
        }

        /**
         * Builds the inventory.
         *
         * @return the inventory
         * @throws IllegalStateException if provider or time is missing
         */
        public Inventory build() {
            if (provider == null || takenAt == null) {
                throw new IllegalStateException("an inventory needs provider(...) and takenAt(...)");
            }
            return new Inventory(provider, takenAt, entries, unmatchedModels, notes);
        }
    }
}
