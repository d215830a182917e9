package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Hyperparameters;

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
 */
public record JobCreation(String baseModel, FileId trainingFile, Optional<FileId> validationFile,
                          Optional<String> suffix, Optional<Long> seed, Map<String, String> metadata,
                          FineTuneMethod method, Hyperparameters hyperparameters,
                          Map<String, Object> extraBodyProperties, String idempotencyKey) {
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
    }
}
