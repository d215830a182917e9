package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;

import java.util.Objects;

/**
 * The two files {@link Dataset#split(double, long, java.nio.file.Path, java.nio.file.Path)} wrote.
 *
 * @param training the training part, backed by its file
 * @param validation the validation part, backed by its file
 * @param trainingExamples examples in the training part
 * @param validationExamples examples in the validation part
 */
public record DatasetSplit(Dataset training, Dataset validation, long trainingExamples, long validationExamples) {
    /**
     * Validates the components.
     *
     * @param training the training part, backed by its file
     * @param validation the validation part, backed by its file
     * @param trainingExamples examples in the training part
     * @param validationExamples examples in the validation part
     * @throws NullPointerException if a dataset is null
     */
    public DatasetSplit {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(validation, "validation");
    }
}
