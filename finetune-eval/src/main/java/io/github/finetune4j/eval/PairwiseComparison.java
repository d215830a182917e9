package io.github.finetune4j.eval;

import java.util.Objects;

/**
 * How often one candidate scored higher than another on the same examples, by one scorer. Only examples where
 * both have a score count.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param scorer the scorer's name
 * @param candidate the candidate whose wins are counted
 * @param opponent the other candidate
 * @param wins examples where {@code candidate} scored higher
 * @param losses examples where {@code opponent} scored higher
 * @param ties examples where both scored the same
 */
public record PairwiseComparison(String scorer, String candidate, String opponent, int wins, int losses, int ties) {
    /**
     * Validates the components.
     *
     * @param scorer the scorer's name
     * @param candidate the candidate whose wins are counted
     * @param opponent the other candidate
     * @param wins examples where {@code candidate} scored higher
     * @param losses examples where {@code opponent} scored higher
     * @param ties examples where both scored the same
     */
    public PairwiseComparison {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(opponent, "opponent");
        if (wins < 0 || losses < 0 || ties < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * The number of examples compared.
     *
     * @return {@code wins + losses + ties}
     */
    public int compared() {
        return wins + losses + ties;
    }

    /**
     * The win rate, counting a tie as half a win.
     *
     * @return {@code (wins + ties / 2) / compared()}, or NaN when nothing was compared
     */
    public double winRate() {
        int n = compared();
        return n == 0 ? Double.NaN : (wins + ties / 2.0) / n;
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PairwiseComparison}. Not thread-safe. */
    public static final class Builder {
        private String scorer;
        private String candidate;
        private String opponent;
        private int wins;
        private int losses;
        private int ties;

        private Builder() {
        }

        /**
         * Sets the scorer.
         *
         * @param scorer the scorer's name
         * @return this builder
         */
        public Builder scorer(String scorer) {
            this.scorer = Objects.requireNonNull(scorer, "scorer");
            return this;
        }

        /**
         * Sets the candidate whose wins are counted.
         *
         * @param candidate the name
         * @return this builder
         */
        public Builder candidate(String candidate) {
            this.candidate = Objects.requireNonNull(candidate, "candidate");
            return this;
        }

        /**
         * Sets the opponent.
         *
         * @param opponent the name
         * @return this builder
         */
        public Builder opponent(String opponent) {
            this.opponent = Objects.requireNonNull(opponent, "opponent");
            return this;
        }

        /**
         * Sets the wins.
         *
         * @param wins the count
         * @return this builder
         */
        public Builder wins(int wins) {
            this.wins = wins;
            return this;
        }

        /**
         * Sets the losses.
         *
         * @param losses the count
         * @return this builder
         */
        public Builder losses(int losses) {
            this.losses = losses;
            return this;
        }

        /**
         * Sets the ties.
         *
         * @param ties the count
         * @return this builder
         */
        public Builder ties(int ties) {
            this.ties = ties;
            return this;
        }

        /**
         * Builds the comparison.
         *
         * @return the comparison
         * @throws IllegalStateException if a name is missing
         */
        public PairwiseComparison build() {
            if (scorer == null || candidate == null || opponent == null) {
                throw new IllegalStateException("a comparison needs scorer, candidate and opponent");
            }
            return new PairwiseComparison(scorer, candidate, opponent, wins, losses, ties);
        }
    }
}
