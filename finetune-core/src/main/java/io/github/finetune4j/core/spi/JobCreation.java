package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.ProviderOptions;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job to create, with its files already uploaded. The core builds it from a
 * {@link io.github.finetune4j.core.model.FineTuneRequest}; the metadata already holds the idempotency key.
 *
 * @param baseModel the model to fine-tune
 * @param trainingFile the uploaded training file
 * @param validationFile the uploaded validation file
 * @param suffix the model-name suffix
 * @param seed the seed
 * @param metadata the metadata, including the client's idempotency key
 * @param method the training method
 * @param hyperparameters the hyperparameters
 * @param extraBodyProperties unsupported extra JSON properties
 * @param idempotencyKey the key identifying this logical request across retries
 * @param providerOptions settings only this provider has, or empty
 */
public record JobCreation(String baseModel, FileId trainingFile, Optional<FileId> validationFile,
                          Optional<String> suffix, Optional<Long> seed, Map<String, String> metadata,
                          FineTuneMethod method, Hyperparameters hyperparameters,
                          Map<String, Object> extraBodyProperties, String idempotencyKey,
                          Optional<ProviderOptions> providerOptions) {
    /**
     * Validates the components.
     *
     * @param baseModel the model to fine-tune
     * @param trainingFile the uploaded training file
     * @param validationFile the uploaded validation file
     * @param suffix the model-name suffix
     * @param seed the seed
     * @param metadata the metadata, including the client's idempotency key
     * @param method the training method
     * @param hyperparameters the hyperparameters
     * @param extraBodyProperties unsupported extra JSON properties
     * @param idempotencyKey the key identifying this logical request across retries
     * @param providerOptions settings only this provider has, or empty
     */
    public JobCreation {
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(trainingFile, "trainingFile");
        validationFile = validationFile == null ? Optional.empty() : validationFile;
        suffix = suffix == null ? Optional.empty() : suffix;
        seed = seed == null ? Optional.empty() : seed;
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        extraBodyProperties = Map.copyOf(extraBodyProperties);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        providerOptions = providerOptions == null ? Optional.empty() : providerOptions;
    }

    /**
     * A job without provider options.
     *
     * @param baseModel the model to fine-tune
     * @param trainingFile the uploaded training file
     * @param validationFile the uploaded validation file
     * @param suffix the model-name suffix
     * @param seed the seed
     * @param metadata the metadata, including the client's idempotency key
     * @param method the training method
     * @param hyperparameters the hyperparameters
     * @param extraBodyProperties unsupported extra JSON properties
     * @param idempotencyKey the key identifying this logical request across retries
     */
    public JobCreation(String baseModel, FileId trainingFile, Optional<FileId> validationFile,
                       Optional<String> suffix, Optional<Long> seed, Map<String, String> metadata,
                       FineTuneMethod method, Hyperparameters hyperparameters,
                       Map<String, Object> extraBodyProperties, String idempotencyKey) {
        this(baseModel, trainingFile, validationFile, suffix, seed, metadata, method, hyperparameters,
                extraBodyProperties, idempotencyKey, Optional.empty());
    }

    /**
     * The provider options, if they are of the given type.
     *
     * @param type the provider's options type
     * @param <T> the type
     * @return the options, or empty when none (or others) were given
     */
    public <T extends ProviderOptions> Optional<T> providerOptions(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return providerOptions.filter(type::isInstance).map(type::cast);
    }
}
