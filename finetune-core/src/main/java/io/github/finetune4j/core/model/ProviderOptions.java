package io.github.finetune4j.core.model;

/**
 * Job settings that only one provider has, passed with
 * {@link FineTuneRequest.Builder#providerOptions(ProviderOptions)}: for example Together AI's LoRA rank, learning-rate
 * scheduler, checkpoints and Hugging Face Hub push. Each provider module publishes its own implementation (a
 * record with a builder); the core only carries it to the provider that {@link #providerId()} names and refuses it
 * for any other before anything is uploaded.
 *
 * <p>Implementations are immutable. Secrets they hold (a Hub token) are {@link io.github.finetune4j.core.ApiKey}s,
 * so that {@code toString()} never shows them, and are left out of {@link #describe()}.
 */
public interface ProviderOptions {
    /**
     * The provider these options are for.
     *
     * @return the provider id, for example {@code together}
     */
    String providerId();

    /**
     * A stable, complete description of every setting that changes the job, without secrets. It is part of the
     * idempotency key {@code start} derives, so that the same program run twice names the same job and a run with
     * other settings another one.
     *
     * @return for example {@code lora(r=16,alpha=32) checkpoints=3 hub=acme/t1000}
     */
    String describe();
}
