package io.github.finetune4j.core;

import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;

import java.util.List;
import java.util.Objects;

/**
 * Runs many chat completions through the provider's Batch API (OpenAI {@code /v1/batches}, Azure OpenAI global
 * batch): cheaper than one request per prompt, and the provider's infrastructure does the work, usually within
 * hours. Thread-safe; create one per client and share it.
 *
 * <pre>{@code
 * BatchChatResult result = BatchChat.of(client).run(List.of(
 *         BatchChatRequest.of("q1", ChatRequest.builder().model("gpt-4o-mini")
 *                 .addMessage(Message.user("Ist Pril gut für einen T-1000?")).build())),
 *         BatchOptions.builder().waitOptions(WaitOptions.builder().timeout(Duration.ofHours(25)).build()).build());
 * result.rows().forEach(r -> System.out.println(r.customId() + ": "
 *         + r.response().map(ChatResponse::text).orElse("failed: " + r.error().orElseThrow())));
 * }</pre>
 *
 * <p>{@link #run} writes the input JSONL to a temporary file (streamed, deleted after the upload), uploads it with
 * purpose {@code batch}, waits for it to be processed, creates the batch, polls it with the cadence and budget of
 * {@link BatchOptions#waitOptions()}, then downloads the output and error files. When the budget runs out the
 * batch is not cancelled: it keeps running and can be read with {@link #get(BatchId)}. On Azure, each request's
 * model is the name of a {@code GlobalBatch} deployment.
 *
 * <p>An interface, so that tests can fake it: a fake {@link FineTuneClient} returns its own from
 * {@link FineTuneClient#extension(Class)}.
 */
public interface BatchChat {
    /**
     * The Batch API of a client's provider; the same as {@code client.extension(BatchChat.class)}.
     *
     * @param client a client
     * @return the batch entry point
     * @throws UnsupportedOperationException if the client's provider has no Batch API
     */
    static BatchChat of(FineTuneClient client) {
        return Objects.requireNonNull(client, "client").extension(BatchChat.class);
    }

    /**
     * Runs the requests as one batch and blocks until it ends or the wait budget runs out. Performs I/O: a
     * temporary file, an upload, polling and downloads.
     *
     * @param requests at least one request, with unique custom ids
     * @param options window, budget and metadata
     * @return the terminal batch and one row per request, in request order; failed requests are rows with an error
     * @throws IllegalArgumentException if there are no requests or a custom id repeats
     * @throws io.github.finetune4j.core.error.BatchFailedException if the provider rejected the batch's input
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out; the batch keeps running
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     * @throws io.github.finetune4j.core.error.FineTuneException if a request to the provider failed
     */
    BatchChatResult run(List<BatchChatRequest> requests, BatchOptions options);

    /**
     * Starts the requests as one batch and returns as soon as the provider has created it, without waiting for it
     * to run: uploads the input file (purpose {@code batch}), waits until it is processed, creates the batch. Keep
     * the returned id (for example in a file) and read the results with {@link #await}, in this process or in one
     * started after a crash, so that the same requests are never sent as a second batch.
     *
     * @param requests at least one request, with unique custom ids
     * @param options window, file-processing budget and metadata
     * @return the created batch
     * @throws IllegalArgumentException if there are no requests or a custom id repeats
     * @throws io.github.finetune4j.core.error.FineTuneException if a request to the provider failed
     * @throws UnsupportedOperationException if this implementation cannot start a batch without awaiting it
     */
    default BatchSnapshot submit(List<BatchChatRequest> requests, BatchOptions options) {
        throw new UnsupportedOperationException(getClass().getName() + " does not start batches on their own");
    }

    /**
     * Awaits a batch started earlier (by {@link #submit}, possibly in another process) and reads its rows, as
     * {@link #run} does for its own batch. Performs I/O: polling and downloads.
     *
     * @param id the batch
     * @param requests the requests it was started with (their custom ids name the rows)
     * @param options the budget of the wait
     * @return the terminal batch and one row per request, in request order; failed requests are rows with an error
     * @throws io.github.finetune4j.core.error.BatchFailedException if the provider rejected the batch's input
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out; the batch keeps running
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     * @throws io.github.finetune4j.core.error.FineTuneException if a request to the provider failed
     * @throws UnsupportedOperationException if this implementation cannot await a batch it did not start
     */
    default BatchChatResult await(BatchId id, List<BatchChatRequest> requests, BatchOptions options) {
        throw new UnsupportedOperationException(getClass().getName() + " does not await batches by id");
    }

    /**
     * Reads a batch; one request.
     *
     * @param id the batch
     * @return its state
     * @throws io.github.finetune4j.core.error.FineTuneException if the request failed
     */
    BatchSnapshot get(BatchId id);

    /**
     * Requests cancellation of a batch; one request. The batch passes through {@code cancelling}.
     *
     * @param id the batch
     * @return its state
     * @throws io.github.finetune4j.core.error.FineTuneException if the request failed
     */
    BatchSnapshot cancel(BatchId id);
}
