package io.github.finetune4j.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * A job creation request after the dialect parsed and checked its syntax.
 *
 * @param model the base model, or a fine-tuned model to continue from
 * @param trainingFile the training file id
 * @param validationFile the validation file id, or null
 * @param suffix the model name suffix, or null
 * @param seed the seed, or null to generate one
 * @param metadata the metadata, or null
 * @param method the method
 * @param hyperparameters the requested hyperparameters
 * @param integrations the integrations as sent, or null; echoed back unchanged
 * @param trainingType Azure's training tier as sent ({@code Standard}, {@code GlobalStandard}, {@code Developer}),
 *     or null
 */
public record JobSpec(String model, String trainingFile, String validationFile, String suffix, Long seed,
                      Map<String, String> metadata, FineTuneMethodType method, Hyperparameters hyperparameters,
                      JsonNode integrations, String trainingType) {
    public JobSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(trainingFile, "trainingFile");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        metadata = metadata == null ? null : Map.copyOf(metadata);
        integrations = integrations == null ? null : integrations.deepCopy();
    }
}
