package io.github.finetune4j.testkit.internal.state;

/**
 * Hyperparameters as requested; a null component means {@code "auto"}.
 *
 * @param nEpochs epochs, 1..50, or null
 * @param batchSize batch size, 1..256, or null
 * @param learningRateMultiplier learning-rate multiplier, greater than 0, or null
 * @param beta DPO beta, in (0, 2], or null
 */
public record Hyperparameters(Integer nEpochs, Integer batchSize, Double learningRateMultiplier, Double beta) {

    /** All {@code "auto"}. */
    public static final Hyperparameters AUTO = new Hyperparameters(null, null, null, null);

    /**
     * The values a job trains with.
     *
     * @param nEpochs epochs
     * @param batchSize batch size
     * @param learningRateMultiplier learning-rate multiplier
     * @param beta DPO beta, or null for supervised jobs
     */
    public record Resolved(int nEpochs, int batchSize, double learningRateMultiplier, Double beta) {
    }

    /**
     * Resolves {@code "auto"} values the way the service's documented heuristic does: 3 epochs, more for
     * small files (at most 25, so that about 100 examples are seen), fewer for very large ones; a batch size of
     * about 0.2 % of the examples; a learning-rate multiplier of 1.8; DPO beta 0.1.
     *
     * @param examples the number of training examples
     * @param method the method
     * @return the resolved values
     */
    public Resolved resolve(int examples, FineTuneMethodType method) {
        int n = Math.max(1, examples);
        int epochs;
        if (nEpochs != null) {
            epochs = nEpochs;
        } else if (n * 3 < 100) {
            epochs = Math.min(25, 100 / n);
        } else if (n * 3L > 25_000) {
            epochs = Math.max(1, 25_000 / n);
        } else {
            epochs = 3;
        }
        int batch = batchSize != null ? batchSize : (int) Math.max(1, Math.min(256, Math.round(n * 0.002)));
        double lr = learningRateMultiplier != null ? learningRateMultiplier : 1.8;
        Double resolvedBeta = method == FineTuneMethodType.DPO ? (beta != null ? beta : 0.1) : null;
        return new Resolved(epochs, batch, lr, resolvedBeta);
    }
}
