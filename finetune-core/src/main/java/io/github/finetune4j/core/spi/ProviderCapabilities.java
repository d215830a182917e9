package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.preflight.PriceTable;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core needs to know about a provider, as data: the pre-flight's price table (which also holds each base
 * model's limits and token encoding), how a job created by an ambiguous attempt is found again, and the date from
 * which the provider accepts no new jobs at all. Optional operations are not listed here: a provider offers them
 * through {@link FineTuneProvider#feature(Class)}.
 *
 * <p>The canonical constructor is outside the compatibility promise; use {@link #builder(PriceTable)}.
 *
 * @param priceTable prices, limits and encodings per base model, used by the pre-flight of {@code start}
 * @param supportsMetadataFilter whether jobs can be listed filtered by metadata; when false the core scans recent
 *     jobs for its idempotency key and, for providers that do not echo metadata, matches by content (files, base model,
 *     method, and the suffix, seed, hyperparameters and {@link JobOperations#settings provider settings} a job
 *     reports) and creation time
 * @param newJobsEndOn the date from which the provider accepts no new fine-tuning jobs at all, if announced
 * @param afterEndAdvice what to use instead once {@code newJobsEndOn} has passed
 */
public record ProviderCapabilities(PriceTable priceTable, boolean supportsMetadataFilter,
                                   Optional<LocalDate> newJobsEndOn, Optional<String> afterEndAdvice) {
    /**
     * Validates the components.
     *
     * @param priceTable prices, limits and encodings per base model
     * @param supportsMetadataFilter whether jobs can be listed filtered by metadata
     * @param newJobsEndOn the date from which the provider accepts no new fine-tuning jobs at all, if announced
     * @param afterEndAdvice what to use instead once {@code newJobsEndOn} has passed
     */
    public ProviderCapabilities {
        Objects.requireNonNull(priceTable, "priceTable");
        newJobsEndOn = newJobsEndOn == null ? Optional.empty() : newJobsEndOn;
        afterEndAdvice = afterEndAdvice == null ? Optional.empty() : afterEndAdvice;
        if (newJobsEndOn.isPresent() != afterEndAdvice.isPresent()) {
            throw new IllegalArgumentException("newJobsEndOn and afterEndAdvice go together");
        }
    }

    /**
     * Starts capabilities with the given price table; no metadata filter, no end date.
     *
     * @param priceTable prices, limits and encodings per base model
     * @return a builder
     */
    public static Builder builder(PriceTable priceTable) {
        return new Builder(priceTable);
    }

    /**
     * A builder with these values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(priceTable).supportsMetadataFilter(supportsMetadataFilter);
        newJobsEndOn.ifPresent(d -> b.newJobsEndOn(d, afterEndAdvice.orElseThrow()));
        return b;
    }

    /** Builds {@link ProviderCapabilities}. Not thread-safe. */
    public static final class Builder {
        private PriceTable priceTable;
        private boolean supportsMetadataFilter;
        private Optional<LocalDate> newJobsEndOn = Optional.empty();
        private Optional<String> afterEndAdvice = Optional.empty();

        private Builder(PriceTable priceTable) {
            priceTable(priceTable);
        }

        /**
         * Sets the price table.
         *
         * @param priceTable prices, limits and encodings per base model
         * @return this builder
         */
        public Builder priceTable(PriceTable priceTable) {
            this.priceTable = Objects.requireNonNull(priceTable, "priceTable");
            return this;
        }

        /**
         * Sets whether jobs can be listed filtered by metadata. Default: false.
         *
         * @param supported true if {@code listJobs} honours {@link io.github.finetune4j.core.model.PageRequest#metadata()}
         * @return this builder
         */
        public Builder supportsMetadataFilter(boolean supported) {
            this.supportsMetadataFilter = supported;
            return this;
        }

        /**
         * Sets the date from which the provider accepts no new jobs. Default: none.
         *
         * @param date the first day on which new jobs are refused
         * @param advice what to use instead, for the error message
         * @return this builder
         */
        public Builder newJobsEndOn(LocalDate date, String advice) {
            this.newJobsEndOn = Optional.of(Objects.requireNonNull(date, "date"));
            this.afterEndAdvice = Optional.of(Objects.requireNonNull(advice, "advice"));
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return the capabilities
         */
        public ProviderCapabilities build() {
            return new ProviderCapabilities(priceTable, supportsMetadataFilter, newJobsEndOn, afterEndAdvice);
        }
    }
}
