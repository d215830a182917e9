package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.preflight.ProviderEstimate;

/**
 * An optional feature: the provider estimates a job's price before it is created (Together AI's
 * {@code POST /fine-tunes/estimate-price}). {@code FineTuneJob.start} asks it after the files are uploaded and
 * processed and before the job is created, and hands the answer to
 * {@link io.github.finetune4j.core.JobListener#onProviderEstimate(ProviderEstimate)}; a failing estimate is logged
 * and does not stop the start. One HTTP exchange per call; implementations are thread-safe.
 */
public interface PriceEstimates {
    /**
     * Asks the provider for its estimate of a job.
     *
     * @param creation the job as it would be created, its files uploaded and processed
     * @return the provider's estimate
     */
    ProviderEstimate estimate(JobCreation creation);
}
