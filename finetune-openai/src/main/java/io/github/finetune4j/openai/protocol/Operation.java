package io.github.finetune4j.openai.protocol;

/** The protocol's operations, so that a dialect can route each one (for example batches to another route). */
public enum Operation {
    /** {@code POST files}, {@code GET files}. */
    FILES,
    /** {@code GET} or {@code DELETE files/{id}}. */
    FILE,
    /** {@code GET files/{id}/content}. */
    FILE_CONTENT,
    /** {@code POST fine_tuning/jobs}, {@code GET fine_tuning/jobs}. */
    JOBS,
    /** {@code GET fine_tuning/jobs/{id}}. */
    JOB,
    /** {@code POST fine_tuning/jobs/{id}/cancel|pause|resume}. */
    JOB_ACTION,
    /** {@code GET fine_tuning/jobs/{id}/events}. */
    EVENTS,
    /** {@code GET fine_tuning/jobs/{id}/checkpoints}. */
    CHECKPOINTS,
    /** {@code GET models}. */
    MODELS,
    /** {@code GET} or {@code DELETE models/{id}}. */
    MODEL,
    /** {@code POST chat/completions} (or a deployment's, see {@link OpenAiDialect.ChatRoute}). */
    CHAT,
    /** {@code POST batches}. */
    BATCHES,
    /** {@code GET batches/{id}}, {@code POST batches/{id}/cancel}. */
    BATCH,
    /** {@code POST uploads}. */
    UPLOADS,
    /** {@code POST uploads/{id}/parts|complete|cancel}. */
    UPLOAD_ACTION;

    /**
     * Tells whether this is a Batch API operation.
     *
     * @return true for {@link #BATCHES} and {@link #BATCH}
     */
    public boolean isBatch() {
        return this == BATCHES || this == BATCH;
    }
}
