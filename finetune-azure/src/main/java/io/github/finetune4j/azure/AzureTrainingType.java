package io.github.finetune4j.azure;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The training tier sent as {@code trainingType} when a job is created. Azure requires it in practice although no
 * spec lists it: without it a job on a tunable model can fail with "The specified base model does not support
 * fine-tuning". Any value is accepted ({@link #of(String)}) because the service's spelling has varied; two spellings of
 * one tier ({@code GlobalStandard}, {@code globalstandard}, {@code global}) are {@link #sameTierAs the same tier}.
 *
 * <p>Which tiers a base model allows is not in the service's model catalog; for Azure AI Foundry's open models
 * (Ministral-3B, Qwen-32B, Llama-3.3-70B-Instruct, gpt-oss-20b) it is in {@link AzureTrainingTable}, and
 * {@code FineTuneJob.start} refuses a tier the table does not allow before anything is uploaded.
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
     * Trains within a data zone (the United States or the European Union), between regional {@link #STANDARD} and
     * {@link #GLOBAL_STANDARD}. The spelling is that of Azure's data-zone deployment type; no spec or document lists
     * it as a {@code trainingType} value yet (see docs/azure-foundry.md), so check it on your resource.
     */
    public static final AzureTrainingType DATA_ZONE_STANDARD = new AzureTrainingType("DataZoneStandard");

    /** Spellings of one tier that the service and its documents use, lower case, to the tier's key. */
    private static final Map<String, String> ALIASES = Map.of("global", "globalstandard", "developertier",
            "developer", "datazone", "datazonestandard");

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

    /**
     * Tells whether another spelling names the same tier: case is ignored, and so are the aliases in use
     * ({@code global} for {@code GlobalStandard}, {@code developerTier} for {@code Developer}, {@code DataZone}
     * for {@code DataZoneStandard}).
     *
     * @param other the other training type
     * @return true for the same tier
     * @throws NullPointerException if {@code other} is null
     */
    public boolean sameTierAs(AzureTrainingType other) {
        return tier().equals(Objects.requireNonNull(other, "other").tier());
    }

    private String tier() {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    @Override
    public String toString() {
        return value;
    }
}
