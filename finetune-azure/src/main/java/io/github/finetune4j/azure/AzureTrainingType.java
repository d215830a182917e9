package io.github.finetune4j.azure;

import java.util.Objects;

/**
 * The training tier sent as {@code trainingType} when a job is created. Azure requires it in practice although no
 * spec lists it: without it a job on a tunable model can fail with "The specified base model does not support
 * fine-tuning". Any value is accepted ({@link #of(String)}) because the service's spelling has varied.
 *
 * @param value the value sent
 */
public record AzureTrainingType(String value) {
    /** Trains in the resource's region (data residency); only some regions offer it. The default. */
    public static final AzureTrainingType STANDARD = new AzureTrainingType("Standard");
    /** Trains in any region; 10–30 % cheaper per token than standard; data may leave the region. */
    public static final AzureTrainingType GLOBAL_STANDARD = new AzureTrainingType("GlobalStandard");
    /** Half the global price, pre-emptible (pauses and resumes on its own), no SLA, no data residency. */
    public static final AzureTrainingType DEVELOPER = new AzureTrainingType("developerTier");
    /**
     * Validates the components.
     *
     * @param value the value sent
     */
    public AzureTrainingType {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("trainingType must not be blank");
        }
    }

    /**
     * A training type spelled as given, for values this SDK does not name.
     *
     * @param value the value to send
     * @return the type
     * @throws IllegalArgumentException if it is blank
     */
    public static AzureTrainingType of(String value) {
        return new AzureTrainingType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
