package io.github.finetune4j.core;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.preflight.PriceTable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The entry point: a connection to one fine-tuning provider (OpenAI, Azure OpenAI, or the offline emulator).
 * Immutable and thread-safe: create one and share it; close it when the application stops.
 *
 * <pre>{@code
 * try (FineTuneClient client = FineTuneClient.fromEnv()) {           // OpenAI or Azure, from the environment
 *     FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
 *             .baseModel("gpt-4o-mini-2024-07-18").trainingData(data).suffix("t1000").build());
 *     JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build());
 *     String answer = client.model(done).chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
 * }
 * }</pre>
 */
public interface FineTuneClient extends AutoCloseable {
    /**
     * Starts configuring a client.
     *
     * @return a new builder
     */
    static FineTuneClientBuilder builder() {
        return new FineTuneClientBuilder();
    }

    /**
     * A client for the provider configured in the process environment: {@code OPENAI_API_KEY} selects OpenAI,
     * {@code AZURE_OPENAI_ENDPOINT} with {@code AZURE_OPENAI_API_KEY} selects Azure OpenAI.
     *
     * @return the client
     * @throws IllegalStateException if no provider (or more than one) is configured, or its module is missing
     */
    static FineTuneClient fromEnv() {
        return builder().build();
    }

    /**
     * The id of the provider this client talks to.
     *
     * @return for example {@code openai}
     */
    String providerId();

    /**
     * The limits and training prices this client's provider declares: the table the pre-flight of
     * {@link #start(FineTuneRequest)} checks data and estimates cost with, for a dry run or an estimate of one's
     * own ({@code ValidationOptions.builder().priceTable(client.priceTable())}). No I/O.
     *
     * @return the provider's price table, never null
     * @throws UnsupportedOperationException if this client does not declare one (an implementation outside
     *     finetune4j)
     */
    default PriceTable priceTable() {
        throw new UnsupportedOperationException(getClass().getName() + " does not declare a price table");
    }

    /**
     * Starts a job; see {@link FineTuneJob#start(FineTuneClient, FineTuneRequest)}.
     *
     * @param request what to fine-tune
     * @return a handle to the new job
     * @throws io.github.finetune4j.core.error.DatasetValidationException if the data has errors
     * @throws io.github.finetune4j.core.error.FineTuneException if a provider step fails
     */
    FineTuneJob start(FineTuneRequest request);

    /**
     * Starts a job and reports each step (dataset warnings, uploads, processing, creation) to a listener.
     *
     * @param request what to fine-tune
     * @param listener progress callbacks
     * @return a handle to the new job
     * @throws io.github.finetune4j.core.error.DatasetValidationException if the data has errors
     * @throws io.github.finetune4j.core.error.FineTuneException if a provider step fails
     */
    FineTuneJob start(FineTuneRequest request, JobListener listener);

    /**
     * A handle to an existing job; see {@link FineTuneJob#attach(FineTuneClient, JobId)}.
     *
     * @param id the job's id
     * @return the handle
     * @throws io.github.finetune4j.core.error.FineTuneException if the job cannot be read
     */
    FineTuneJob attach(JobId id);

    /**
     * Lists jobs, newest first, lazily.
     *
     * @param request the first page to fetch, and an optional metadata filter
     * @return the jobs
     */
    PagedIterable<JobSnapshot> listJobs(PageRequest request);

    /**
     * Uploads a JSONL dataset as a fine-tuning file, streamed, and returns at once (the provider may still be
     * processing it).
     *
     * @param data the dataset
     * @return the stored file
     * @throws io.github.finetune4j.core.error.FineTuneException if the upload fails
     */
    FileInfo uploadFile(Dataset data);

    /**
     * Waits until the provider has processed a file.
     *
     * @param id the file
     * @param timeout the budget
     * @return the processed file
     * @throws io.github.finetune4j.core.error.FineTuneException if processing failed (with the provider's reason)
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out
     */
    FileInfo awaitFileProcessed(FileId id, Duration timeout);

    /**
     * Reads a file's metadata.
     *
     * @param id the file
     * @return the file
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be read
     */
    FileInfo getFile(FileId id);

    /**
     * Lists files, lazily.
     *
     * @return the files
     */
    PagedIterable<FileInfo> listFiles();

    /**
     * Downloads a file's content.
     *
     * @param id the file
     * @return the raw bytes
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be read
     */
    byte[] fileContent(FileId id);

    /**
     * Downloads a file's content into a local file, streamed: memory use does not depend on the file's size (the
     * OpenAI and Azure OpenAI providers stream; a provider that cannot falls back to {@link #fileContent}). The
     * content goes to a temporary file beside the target and replaces the target only when it is complete
     * ({@link io.github.finetune4j.core.spi.AtomicFile}): a failed download leaves the target as it was.
     *
     * @param id the file
     * @param target the local file
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be read or written
     */
    default void downloadFile(FileId id, Path target) {
        byte[] content = fileContent(id);
        try {
            io.github.finetune4j.core.spi.AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new FineTuneException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a file.
     *
     * @param id the file
     * @return true if the provider confirmed
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be deleted
     */
    boolean deleteFile(FileId id);

    /**
     * Reads a model from the provider's catalog (with its shutdown date, where announced).
     *
     * @param name the model name
     * @return the model
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be read
     * @throws UnsupportedOperationException if the provider has no model catalog
     */
    ModelInfo getModel(String name);

    /**
     * Reads the provider's whole model catalog: base models (with whether they can be fine-tuned here and their
     * lifecycle dates, where the provider says) and fine-tuned models. One request.
     *
     * @return the models, never null
     * @throws io.github.finetune4j.core.error.FineTuneException if the catalog cannot be read
     * @throws UnsupportedOperationException if the provider has no model catalog
     */
    List<ModelInfo> listModels();

    /**
     * Deletes a fine-tuned model.
     *
     * @param name the model name
     * @return true if the provider confirmed
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be deleted
     * @throws UnsupportedOperationException if the provider cannot delete models (Azure: delete the deployments)
     */
    boolean deleteModel(String name);

    /**
     * A feature beyond the common story: a provider-specific extension (for example
     * {@code client.extension(AzureOpenAi.class).importFile(url, "train.jsonl")}) or an optional core feature such
     * as {@link BatchChat}. The one way to reach them; never cast a client.
     *
     * @param type the extension type
     * @param <T> the extension type
     * @return the extension, bound to this client
     * @throws UnsupportedOperationException if this client's provider does not offer it; the message says why
     */
    <T> T extension(Class<T> type);

    /**
     * The model a succeeded job produced. For ten minutes after the job finished, a "model not found" answer is
     * retried with backoff, because providers need a few minutes before a new model is served.
     *
     * @param succeeded a snapshot with a fine-tuned model
     * @return the model handle
     * @throws IllegalArgumentException if the snapshot has no fine-tuned model
     */
    FineTunedModel model(JobSnapshot succeeded);

    /**
     * Any model by name, for example a checkpoint or a base model.
     *
     * @param name the model name
     * @return the model handle
     */
    FineTunedModel model(String name);

    /**
     * Closes the client's HTTP client and scheduler, if it created them.
     */
    @Override
    void close();
}
