package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;

/**
 * Optional provider capability: the provider's Batch API for chat completions. A {@link FineTuneProvider} that
 * implements this interface as well can run batches through {@link io.github.finetune4j.core.BatchChat}.
 *
 * <p>The create, get and cancel methods perform exactly one HTTP exchange each; the line methods do no I/O. The
 * core writes and uploads the input file (with {@link FineTuneProvider#uploadFile} and purpose
 * {@link FileUpload#BATCH}), waits, and downloads the output files with {@link FineTuneProvider#fileContent}.
 * Implementations are thread-safe.
 */
public interface BatchSupport {
    /**
     * Renders one line of a batch input file. No I/O.
     *
     * @param customId the id the answer comes back under
     * @param request the chat completion
     * @return one JSON document without a line break
     */
    String batchInputLine(String customId, ChatRequest request);

    /**
     * Parses one line of a batch output or error file. No I/O.
     *
     * @param line one JSON document
     * @return the row: a response for a 2xx line, otherwise an error
     * @throws io.github.finetune4j.core.error.ResponseFormatException if the line cannot be read
     */
    BatchChatRow batchOutputLine(String line);

    /**
     * Creates a batch; one HTTP exchange, not repeated by the transport.
     *
     * @param creation the batch to create
     * @return the new batch's state
     */
    BatchSnapshot createBatch(BatchCreation creation);

    /**
     * Reads a batch; one HTTP exchange.
     *
     * @param id the batch
     * @return its state
     */
    BatchSnapshot getBatch(BatchId id);

    /**
     * Requests cancellation of a batch; one HTTP exchange.
     *
     * @param id the batch
     * @return its state, usually {@code cancelling}
     */
    BatchSnapshot cancelBatch(BatchId id);
}
