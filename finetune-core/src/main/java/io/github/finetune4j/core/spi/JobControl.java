package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;

/**
 * Optional feature: pausing and resuming running jobs. Offered through {@link FineTuneProvider#feature(Class)} only
 * where the provider (and its configured route) can do it.
 */
public interface JobControl {
    /**
     * Pauses a running job.
     *
     * @param id the job
     * @return the job's state
     */
    JobSnapshot pauseJob(JobId id);

    /**
     * Resumes a paused job.
     *
     * @param id the job
     * @return the job's state
     */
    JobSnapshot resumeJob(JobId id);
}
