package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.AzureTrainingTable;
import io.github.finetune4j.azure.AzureTrainingType;
import io.github.finetune4j.core.error.ModelUnavailableException;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.spi.StartCheck;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Refuses, before anything is uploaded, a job the service would refuse at creation because of its base model: a
 * training type (the request's {@code AzureTraining}, else the client's) or a method that the
 * {@link AzureTrainingTable} row of the model does not allow. A model without a row passes. No I/O: the service's
 * catalog does not list training types, the table is where they come from. Thread-safe.
 */
public final class TrainingTypeCheck implements StartCheck {
    /** The constants of {@link AzureTrainingType}, to name in advice, by tier value. */
    private static final Map<String, String> CONSTANTS = Map.of("standard", "STANDARD", "globalstandard",
            "GLOBAL_STANDARD", "developertier", "DEVELOPER", "datazonestandard", "DATA_ZONE_STANDARD");

    private final AzureConfig config;

    /**
     * Creates the check.
     *
     * @param config the client's settings: its training type and table
     */
    public TrainingTypeCheck(AzureConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Checks the base model's row of the training table.
     *
     * @param request the request
     * @throws ModelUnavailableException if the model does not allow the training type; the message names the model,
     *     the training type, the allowed ones and how to choose one
     * @throws IllegalArgumentException if the model does not allow the request's method
     */
    @Override
    public void check(FineTuneRequest request) {
        AzureTrainingTable table = config.trainingTable();
        table.find(request.baseModel()).ifPresent(row -> {
            AzureTrainingType type = config.trainingTypeFor(request.providerOptions());
            if (!row.allows(type)) {
                throw new ModelUnavailableException(AzureDialect.ID, request.baseModel(), null, "Azure OpenAI does "
                        + "not fine-tune " + request.baseModel() + " with trainingType " + type.value() + ": it allows "
                        + String.join(", ", row.trainingTypeNames()) + " (training table " + table.version()
                        + "). Nothing was uploaded. Choose the tier of this job with FineTuneRequest.Builder"
                        + ".providerOptions(AzureTraining.of(" + constant(row.trainingTypes().get(0)) + ")), or the "
                        + "client's with AzureOpenAiFineTuning.Builder.trainingType(...)");
            }
            if (!row.methods().contains(request.method())) {
                throw new IllegalArgumentException("Azure OpenAI fine-tunes " + request.baseModel() + " with "
                        + row.methods().stream().map(FineTuneMethod::wireName).sorted()
                        .collect(Collectors.joining(", ")) + " only, not " + request.method().wireName()
                        + " (training table " + table.version() + "). Nothing was uploaded");
            }
        });
    }

    private static String constant(AzureTrainingType type) {
        String name = CONSTANTS.get(type.value().toLowerCase(Locale.ROOT));
        return name != null ? "AzureTrainingType." + name : "AzureTrainingType.of(\"" + type.value() + "\")";
    }
}
