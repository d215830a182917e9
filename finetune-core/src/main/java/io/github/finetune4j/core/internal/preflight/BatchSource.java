package io.github.finetune4j.core.internal.preflight;

import java.io.IOException;

/** Produces a dataset's lines as {@link Batch}es, in order, on the reader thread. */
interface BatchSource {
    /** Receives batches; may block to apply back-pressure. */
    interface Sink {
        void accept(Batch batch) throws InterruptedException;
    }

    /**
     * Reads everything.
     *
     * @param sink receives the batches in order
     * @return the number of bytes read
     */
    long read(Sink sink) throws IOException, InterruptedException;
}
