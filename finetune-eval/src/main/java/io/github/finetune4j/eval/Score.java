package io.github.finetune4j.eval;

import java.util.Objects;

/**
 * One scorer's verdict on one answer: a value from 0 (worst) to 1 (best), or missing when the scorer could not
 * decide (for example a judge model whose reply had no score). Missing scores are left out of means, intervals and
 * win rates.
 *
 * @param value the score in [0, 1], or NaN when missing
 * @param explanation why, for people reading the report; empty when there is nothing to say, never null
 */
public record Score(double value, String explanation) {
    /**
     * Validates the components.
     *
     * @param value the score in [0, 1], or NaN when missing
     * @param explanation why, for people reading the report; empty when there is nothing to say, never null
     */
    public Score {
        Objects.requireNonNull(explanation, "explanation");
        if (!Double.isNaN(value) && (value < 0 || value > 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + value);
        }
    }

    /**
     * A score without explanation.
     *
     * @param value in [0, 1]
     * @return the score
     * @throws IllegalArgumentException if out of range
     */
    public static Score of(double value) {
        return new Score(value, "");
    }

    /**
     * A score with an explanation.
     *
     * @param value in [0, 1]
     * @param explanation why
     * @return the score
     * @throws IllegalArgumentException if out of range
     */
    public static Score of(double value, String explanation) {
        return new Score(value, explanation);
    }

    /**
     * A missing score.
     *
     * @param reason why the scorer could not decide
     * @return the score, with value NaN
     */
    public static Score missing(String reason) {
        return new Score(Double.NaN, reason);
    }

    /**
     * Tells whether the scorer could not decide.
     *
     * @return true when the value is NaN
     */
    public boolean isMissing() {
        return Double.isNaN(value);
    }
}
