package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;

import java.util.Map;

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
     * The settings only this provider has that a creation asks for, under the names and in the form that
     * {@link JobSnapshot#settings()} reports them, including the provider's defaults where the provider reports
     * them too (a job trained with other settings is another job). The core uses them to tell a job an earlier
     * attempt created from another job on the same files when the provider keeps no metadata; a setting a job
     * does not report is no evidence either way. No HTTP exchange; the default has none.
     *
     * @param creation the job about to be created
     * @return the settings by name, for example {@code training_type=Lora}
     */
    default Map<String, String> settings(JobCreation creation) {
        return Map.of();
    }

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
