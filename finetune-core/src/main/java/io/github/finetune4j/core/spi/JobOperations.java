package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;

/**
 * A provider's fine-tuning jobs with their events and checkpoints. Each method performs exactly one HTTP exchange;
 * polling, paging and exactly-once creation are the core's. Implementations are thread-safe.
 */
public interface JobOperations {
    /**
     * Creates a job; called once per attempt by the core, which guarantees at most one job per idempotency key.
     *
     * @param creation the job to create
     * @return the new job's state
     */
    JobSnapshot createJob(JobCreation creation);

    /**
     * Reads a job.
     *
     * @param id the job
     * @return the job's state
     */
    JobSnapshot getJob(JobId id);

    /**
     * Lists jobs, newest first, filtered by {@link PageRequest#metadata()} where
     * {@link ProviderCapabilities#supportsMetadataFilter()} says the provider can.
     *
     * @param request the page to fetch
     * @return one page
     */
    Page<JobSnapshot> listJobs(PageRequest request);

    /**
     * Cancels a job.
     *
     * @param id the job
     * @return the job's state
     */
    JobSnapshot cancelJob(JobId id);

    /**
     * Lists a job's events, newest first (as OpenAI and Azure return them).
     *
     * @param id the job
     * @param request the page to fetch
     * @return one page
     */
    Page<JobEvent> listEvents(JobId id, PageRequest request);

    /**
     * Lists a job's checkpoints, newest first.
     *
     * @param id the job
     * @param request the page to fetch
     * @return one page
     */
    Page<Checkpoint> listCheckpoints(JobId id, PageRequest request);
}
