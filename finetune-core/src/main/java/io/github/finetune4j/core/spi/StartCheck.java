package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.FineTuneRequest;

/**
 * An optional feature: a provider's own checks of a request that would make it refuse the job, run by
 * {@code FineTuneJob.start} right after the lifecycle guard and before the pre-flight reads the data and anything
 * is uploaded. For example a base model that the provider's catalog lists with other allowed training types than
 * the one configured ({@link io.github.finetune4j.core.model.ModelInfo#trainingTypes()}). May do I/O (a catalog
 * lookup); implementations are thread-safe.
 */
public interface StartCheck {
    /**
     * Checks a request before anything is uploaded.
     *
     * @param request the request
     * @throws io.github.finetune4j.core.error.ModelUnavailableException if the provider will refuse a job on this
     *     base model as configured; the message names what is allowed
     * @throws IllegalArgumentException if a setting of the request breaks the provider's rules
     */
    void check(FineTuneRequest request);
}
