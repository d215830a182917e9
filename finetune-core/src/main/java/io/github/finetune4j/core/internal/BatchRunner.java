package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchChatRequest;
import io.github.finetune4j.core.BatchChatResult;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.error.BatchFailedException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.internal.poll.BatchPoller;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs chat completions through a provider's Batch API: writes the input JSONL (streamed to a temporary file),
 * uploads it with purpose {@code batch}, waits for it to be processed, creates the batch, awaits it, downloads the
 * output and error files and returns one row per request. Thread-safe; each run is independent.
 */
public final class BatchRunner implements BatchChat {
    /** Name of the uploaded input file. */
    static final String INPUT_FILENAME = "batch-input.jsonl";

    private final FineTuneProvider provider;
    private final BatchSupport batches;
    private final FileProcessingWaiter files;
    private final BatchPoller poller;

    BatchRunner(FineTuneProvider provider, BatchSupport batches, FileProcessingWaiter files, BatchPoller poller) {
        this.provider = provider;
        this.batches = batches;
        this.files = files;
        this.poller = poller;
    }

    /**
     * Runs a batch and blocks until it ends.
     *
     * @param requests the requests, with unique custom ids
     * @param options window, budget and metadata
     * @return the terminal batch and one row per request
     */
    @Override
    public BatchChatResult run(List<BatchChatRequest> requests, BatchOptions options) {
        return finish(submit(requests, options), requests, options);
    }

    /**
     * Uploads the input, waits for it to be processed and creates the batch.
     *
     * @param requests the requests, with unique custom ids
     * @param options window, file-processing budget and metadata
     * @return the created batch
     */
    @Override
    public BatchSnapshot submit(List<BatchChatRequest> requests, BatchOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        requireUnique(requests);
        FileInfo input = upload(requests);
        FileInfo processed = files.await(input, options.fileProcessingTimeout());
        return batches.createBatch(new BatchCreation(processed.id(), options.completionWindow(), options.metadata()));
    }

    /**
     * Awaits a batch created earlier and reads its rows.
     *
     * @param id the batch
     * @param requests the requests it was created with
     * @param options the wait budget
     * @return the terminal batch and one row per request
     */
    @Override
    public BatchChatResult await(BatchId id, List<BatchChatRequest> requests, BatchOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        requireUnique(requests);
        return finish(batches.getBatch(Objects.requireNonNull(id, "id")), requests, options);
    }

    private BatchChatResult finish(BatchSnapshot started, List<BatchChatRequest> requests, BatchOptions options) {
        BatchSnapshot done = started.status().isTerminal() ? started : poller.await(started, options.waitOptions());
        if (done.status() == BatchStatus.FAILED) {
            throw new BatchFailedException(done, provider.id());
        }
        return new BatchChatResult(done, rows(requests, done));
    }

    /**
     * Reads a batch.
     *
     * @param id the batch
     * @return its state
     */
    @Override
    public BatchSnapshot get(BatchId id) {
        return batches.getBatch(Objects.requireNonNull(id, "id"));
    }

    /**
     * Requests cancellation of a batch.
     *
     * @param id the batch
     * @return its state
     */
    @Override
    public BatchSnapshot cancel(BatchId id) {
        return batches.cancelBatch(Objects.requireNonNull(id, "id"));
    }

    private FileInfo upload(List<BatchChatRequest> requests) {
        Path file = null;
        try {
            file = Files.createTempFile("finetune4j-batch-", ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (BatchChatRequest r : requests) {
                    String line = batches.batchInputLine(r.customId(), r.request());
                    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                        throw new IllegalStateException("provider rendered a batch line with a line break");
                    }
                    out.write(line);
                    out.write('\n');
                }
            }
            return provider.uploadFile(new FileUpload(file, INPUT_FILENAME, Files.size(file), FileUpload.BATCH));
        } catch (IOException e) {
            throw new FineTuneException("could not write the batch input file: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private List<BatchChatRow> rows(List<BatchChatRequest> requests, BatchSnapshot done) {
        BatchOutputs outputs = new BatchOutputs(batches);
        // Error lines first, so that a success for the same id (which should not happen) wins.
        done.errorFileId().ifPresent(id -> outputs.add(provider.fileContent(id)));
        done.outputFileId().ifPresent(id -> outputs.add(provider.fileContent(id)));
        Map<String, BatchChatRow> byId = outputs.rows();
        BatchError missing = missing(done);
        List<BatchChatRow> rows = new ArrayList<>(requests.size());
        for (BatchChatRequest r : requests) {
            BatchChatRow row = byId.get(r.customId());
            rows.add(row != null ? row : BatchChatRow.failed(r.customId(), missing));
        }
        return rows;
    }

    private static BatchError missing(BatchSnapshot done) {
        switch (done.status()) {
            case EXPIRED: return new BatchError("batch_expired", "the batch expired before this request ran");
            case CANCELLED: return new BatchError("batch_cancelled", "the batch was cancelled before this request ran");
            default: return new BatchError("missing", "the batch ended " + done.rawStatus().toLowerCase(Locale.ROOT)
                    + " without a result for this request");
        }
    }

    private static void requireUnique(List<BatchChatRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one request");
        }
        Set<String> seen = new HashSet<>();
        for (BatchChatRequest r : requests) {
            if (!seen.add(Objects.requireNonNull(r, "request").customId())) {
                throw new IllegalArgumentException("duplicate customId in batch: " + r.customId());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is not worth failing the run
            }
        }
    }

    @Override
    public String toString() {
        return "BatchChat[" + provider.id() + "]";
    }
}
