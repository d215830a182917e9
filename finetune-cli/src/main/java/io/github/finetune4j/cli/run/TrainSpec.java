package io.github.finetune4j.cli.run;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to train, as the command line and the Maven plugin describe it: files instead of datasets, everything
 * else as in {@link FineTuneRequest}.
 *
 * @param baseModel the model to fine-tune
 * @param trainingFile the training JSONL file
 * @param validationFile the validation JSONL file, if any
 * @param method the training method
 * @param hyperparameters the hyperparameters
 * @param suffix the model name suffix, if any
 * @param seed the training seed, if any
 */
public record TrainSpec(String baseModel, Path trainingFile, Optional<Path> validationFile, FineTuneMethod method,
                        Hyperparameters hyperparameters, Optional<String> suffix, Optional<Long> seed) {
    /**
     * Validates the components.
     *
     * @param baseModel the model to fine-tune
     * @param trainingFile the training JSONL file
     * @param validationFile the validation JSONL file, if any
     * @param method the training method
     * @param hyperparameters the hyperparameters
     * @param suffix the model name suffix, if any
     * @param seed the training seed, if any
     */
    public TrainSpec {
        Objects.requireNonNull(baseModel, "baseModel");
        trainingFile = trainingFile.toAbsolutePath().normalize();
        validationFile = validationFile == null ? Optional.empty() : validationFile.map(p -> p.toAbsolutePath().normalize());
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        suffix = suffix == null ? Optional.empty() : suffix;
        seed = seed == null ? Optional.empty() : seed;
    }

    /**
     * The request for {@link io.github.finetune4j.core.FineTuneJob#start}, without the run's key.
     *
     * @return a builder holding the request
     * @throws IllegalArgumentException if a file does not exist or a value breaks the providers' rules
     */
    public FineTuneRequest.Builder toRequest() {
        FineTuneRequest.Builder b = FineTuneRequest.builder().baseModel(baseModel)
                .trainingData(Dataset.fromJsonl(trainingFile)).method(method).hyperparameters(hyperparameters);
        validationFile.ifPresent(v -> b.validationData(Dataset.fromJsonl(v)));
        suffix.ifPresent(b::suffix);
        seed.ifPresent(b::seed);
        return b;
    }
}
