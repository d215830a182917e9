package io.github.finetune4j.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One provider, as the core sees it: files, jobs (with events and checkpoints) and chat, which every provider has,
 * plus optional features a provider offers or not through {@link #feature(Class)}: {@link JobControl} (pause and
 * resume), {@link ModelCatalog}, {@link ModelDeletion}, {@link BatchSupport}, {@link LargeFileUploads}, and any
 * provider-specific extension that applications reach with {@code FineTuneClient.extension(Type.class)}.
 *
 * <p>Each operation performs exactly one HTTP exchange through {@link ProviderContext#transport()} and translates
 * between records and the wire; loops (polling, paging, waiting for files, exactly-once creation) belong to the
 * core. Facts the core needs (price table, limits, how jobs are found again, lifecycle) are data in
 * {@link #capabilities()}; the core never asks which provider it talks to. Every method may throw the exceptions of
 * {@link HttpTransport#send(HttpCall)} and {@link io.github.finetune4j.core.error.ResponseFormatException} when a
 * response cannot be read. Implementations are thread-safe.
 */
public interface FineTuneProvider extends FileOperations, JobOperations, ChatOperations, AutoCloseable {
    /**
     * The provider id.
     *
     * @return for example {@code openai}
     */
    String id();

    /**
     * What the core needs to know about this provider.
     *
     * @return the capabilities
     */
    ProviderCapabilities capabilities();

    /**
     * An optional feature or provider-specific extension. The default offers what this object itself implements;
     * providers whose features depend on their configuration override it.
     *
     * @param type the feature, for example {@code JobControl.class}
     * @param <T> the feature type
     * @return the feature, or empty when this provider (as configured) does not offer it
     */
    default <T> Optional<T> feature(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /**
     * Why a feature is missing, for the message of the {@link UnsupportedOperationException} the core throws.
     *
     * @param type the feature that {@link #feature(Class)} did not offer
     * @return one sentence, naming what would make it available where something would
     */
    default String whyUnsupported(Class<?> type) {
        return id() + " does not offer " + type.getSimpleName();
    }

    /** Releases what this provider holds; the transport belongs to the client and is not closed here. */
    @Override
    void close();
}
