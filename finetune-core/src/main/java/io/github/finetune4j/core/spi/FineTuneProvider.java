package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;

/**
 * One provider's wire protocol. Each method performs exactly one HTTP exchange through the
 * {@link ProviderContext#transport()} and translates between records and the wire; loops (polling, paging,
 * waiting for files) belong to the core.
 *
 * <p>Every method may throw the exceptions of {@link HttpTransport#send(HttpCall)} and
 * {@link io.github.finetune4j.core.error.ResponseFormatException} when a response cannot be read.
 * Implementations are thread-safe.
 */
public interface FineTuneProvider extends AutoCloseable {
    /**
     * The provider id.
     *
     * @return for example {@code openai}
     */
    String id();

    /**
     * What this provider supports.
     *
     * @return the capabilities
     */
    ProviderCapabilities capabilities();

    /**
     * Uploads a file as a streamed multipart request.
     *
     * @param upload the file
     * @return the stored file
     */
    FileInfo uploadFile(FileUpload upload);

    /**
     * Reads a file's metadata and processing state.
     *
     * @param id the file
     * @return the file
     */
    FileInfo getFile(FileId id);

    /**
     * Lists files.
     *
     * @param request the page to fetch
     * @return one page
     */
    Page<FileInfo> listFiles(PageRequest request);

    /**
     * Downloads a file's content.
     *
     * @param id the file
     * @return the raw bytes (result files may be base64 text)
     */
    byte[] fileContent(FileId id);

    /**
     * Deletes a file.
     *
     * @param id the file
     * @return true if the provider confirmed the deletion
     */
    boolean deleteFile(FileId id);

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
     * Lists jobs, newest first, optionally filtered by {@link PageRequest#metadata()}.
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
     * Pauses a running job.
     *
     * @param id the job
     * @return the job's state
     * @throws UnsupportedOperationException if {@link ProviderCapabilities#supportsPause()} is false
     */
    JobSnapshot pauseJob(JobId id);

    /**
     * Resumes a paused job.
     *
     * @param id the job
     * @return the job's state
     * @throws UnsupportedOperationException if {@link ProviderCapabilities#supportsPause()} is false
     */
    JobSnapshot resumeJob(JobId id);

    /**
     * Lists a job's events, newest first (as both OpenAI and Azure return them).
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

    /**
     * Reads a model from the provider's catalog.
     *
     * @param model the model name
     * @return the model
     */
    ModelInfo getModel(String model);

    /**
     * Deletes a fine-tuned model.
     *
     * @param model the model name
     * @return true if the provider confirmed the deletion
     */
    boolean deleteModel(String model);

    /**
     * Asks a model.
     *
     * @param request the conversation
     * @return the answer
     */
    ChatResponse chat(ChatRequest request);

    /** Releases what this provider holds; the transport belongs to the client and is not closed here. */
    @Override
    void close();
}
