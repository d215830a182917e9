package io.github.finetune4j.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a batch runs: the completion window asked of the provider, how long and how often to poll, how long to wait
 * for the input file to be processed, and metadata to attach.
 *
 * <pre>{@code
 * BatchOptions.builder().waitOptions(WaitOptions.builder().timeout(Duration.ofHours(25)).build()).build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param completionWindow the provider's completion window; default {@code 24h}
 * @param waitOptions budget and cadence of polling the batch; default {@link WaitOptions#defaults()} (24 h budget,
 *     5 s growing to 60 s); its job listeners are not called for batches
 * @param fileProcessingTimeout how long to wait for the input file to be processed; default 10 minutes
 * @param metadata metadata attached to the batch; default none
 */
public record BatchOptions(String completionWindow, WaitOptions waitOptions, Duration fileProcessingTimeout,
                           Map<String, String> metadata) {
    /** Default completion window: {@code 24h}, the only one OpenAI and Azure accept. */
    public static final String DEFAULT_COMPLETION_WINDOW = "24h";
    /** Default wait for the input file to be processed: 10 minutes. */
    public static final Duration DEFAULT_FILE_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Validates the components.
     *
     * @param completionWindow the completion window, not blank
     * @param waitOptions budget and cadence of polling
     * @param fileProcessingTimeout how long to wait for the input file, positive
     * @param metadata metadata; null means none
     */
    public BatchOptions {
        Objects.requireNonNull(completionWindow, "completionWindow");
        Objects.requireNonNull(waitOptions, "waitOptions");
        Objects.requireNonNull(fileProcessingTimeout, "fileProcessingTimeout");
        if (completionWindow.isBlank()) {
            throw new IllegalArgumentException("completionWindow must not be blank");
        }
        if (fileProcessingTimeout.isZero() || fileProcessingTimeout.isNegative()) {
            throw new IllegalArgumentException("fileProcessingTimeout must be positive");
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static BatchOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults.
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
        return new Builder().completionWindow(completionWindow).waitOptions(waitOptions)
                .fileProcessingTimeout(fileProcessingTimeout).metadata(metadata);
    }

    /** Builds {@link BatchOptions}. Not thread-safe. */
    public static final class Builder {
        private String completionWindow = DEFAULT_COMPLETION_WINDOW;
        private WaitOptions waitOptions = WaitOptions.defaults();
        private Duration fileProcessingTimeout = DEFAULT_FILE_PROCESSING_TIMEOUT;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the completion window. Default {@code 24h}.
         *
         * @param window the window, for example {@code 24h}
         * @return this builder
         */
        public Builder completionWindow(String window) {
            this.completionWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Sets the budget and cadence of polling the batch. Default {@link WaitOptions#defaults()}.
         *
         * @param options the wait options
         * @return this builder
         */
        public Builder waitOptions(WaitOptions options) {
            this.waitOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets how long to wait for the input file to be processed. Default 10 minutes.
         *
         * @param timeout the budget, positive
         * @return this builder
         */
        public Builder fileProcessingTimeout(Duration timeout) {
            this.fileProcessingTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Replaces the metadata.
         *
         * @param metadata key to value
         * @return this builder
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.clear();
            metadata.forEach(this::putMetadata);
            return this;
        }

        /**
         * Adds one metadata entry.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder putMetadata(String key, String value) {
            this.metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is invalid
         */
        public BatchOptions build() {
            return new BatchOptions(completionWindow, waitOptions, fileProcessingTimeout, metadata);
        }
    }
}
