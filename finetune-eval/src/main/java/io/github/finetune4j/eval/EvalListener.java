package io.github.finetune4j.eval;

/**
 * Progress callbacks of an {@link Evaluation}. Every method has an empty default.
 *
 * <p>{@link #onRow} runs on the evaluation's worker threads, possibly several at once: implementations must be
 * thread-safe and fast, and should not throw (an exception is logged at WARNING and the run goes on).
 *
 * <pre>{@code
 * EvalListener progress = new EvalListener() {
 *     public void onRow(EvalRow row, int done, int total) {
 *         System.out.printf("%d/%d %s %s%n", done, total, row.candidate(), row.exampleId());
 *     }
 * };
 * }</pre>
 */
public interface EvalListener {
    /**
     * The run starts.
     *
     * @param total the rows to produce (examples times candidates)
     * @param cached how many of them the cache already has (some may still need a score)
     */
    default void onStart(int total, int cached) {
    }

    /**
     * A row finished: answered and scored, read from the cache, or failed after retries.
     *
     * @param row the row
     * @param done rows finished so far, this one included
     * @param total the rows to produce
     */
    default void onRow(EvalRow row, int done, int total) {
    }

    /**
     * The run finished (also when the deadline cut it short).
     *
     * @param result the result
     */
    default void onFinish(EvaluationResult result) {
    }
}
