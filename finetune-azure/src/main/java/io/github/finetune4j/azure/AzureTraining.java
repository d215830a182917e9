package io.github.finetune4j.azure;

import io.github.finetune4j.core.model.ProviderOptions;

import java.util.Objects;

/**
 * The settings of one Azure OpenAI fine-tuning job that the common request does not have, passed with
 * {@code FineTuneRequest.Builder#providerOptions}: the training tier of this job, which wins over the client's
 * {@link AzureOpenAiFineTuning.Builder#trainingType(AzureTrainingType)}. One client can so train a GPT model on
 * regional {@code Standard} and an open model on {@code GlobalStandard}:
 *
 * <pre>{@code
 * FineTuneRequest request = FineTuneRequest.builder()
 *         .baseModel("Ministral-3B").trainingData(data).suffix("t1000")
 *         .providerOptions(AzureTraining.of(AzureTrainingType.GLOBAL_STANDARD))
 *         .build();
 * }</pre>
 *
 * <p>The tier is part of the idempotency key {@code start} derives ({@link #describe()}). Immutable.
 *
 * @param trainingType the tier sent as {@code trainingType}
 */
public record AzureTraining(AzureTrainingType trainingType) implements ProviderOptions {
    /** The provider these options are for, {@value}. */
    public static final String PROVIDER_ID = AzureOpenAiFineTuning.ID;

    /**
     * Validates the components.
     *
     * @param trainingType the tier sent as {@code trainingType}
     */
    public AzureTraining {
        Objects.requireNonNull(trainingType, "trainingType");
    }

    /**
     * Options with a training tier.
     *
     * @param trainingType the tier
     * @return the options
     * @throws NullPointerException if {@code trainingType} is null
     */
    public static AzureTraining of(AzureTrainingType trainingType) {
        return new AzureTraining(trainingType);
    }

    /**
     * The provider these options are for.
     *
     * @return {@value #PROVIDER_ID}
     */
    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /**
     * The settings that change the job, for the idempotency key.
     *
     * @return for example {@code trainingType=GlobalStandard}
     */
    @Override
    public String describe() {
        return "trainingType=" + trainingType.value();
    }
}
