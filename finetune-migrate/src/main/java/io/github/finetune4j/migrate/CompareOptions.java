package io.github.finetune4j.migrate;

import io.github.finetune4j.eval.Scorer;
import io.github.finetune4j.eval.Scorers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How old and new model are compared: the scorers (token F1 and chrF unless set; a judge model optionally), each
 * applied twice, against the examples' reference answers and against the old model's golden answers; and the
 * budget of the evaluation. Build it with {@link #builder()}; the canonical constructor is outside the compatibility
 * promise.
 *
 * @param scorers the scorers, scoring against the reference answers; each also scores against the golden answers
 *     under its name with {@value #GOLDEN_SUFFIX}
 * @param concurrency requests in flight at once (default 4)
 * @param deadline how long one comparison may take; answers cached by then are kept for the next run (default 1 h)
 * @param temperature the new model's sampling temperature (default 0, as the golden answers)
 */
public record CompareOptions(List<Scorer> scorers, int concurrency, Duration deadline, double temperature) {
    /** Appended to a scorer's name for its score against the golden answers. */
    public static final String GOLDEN_SUFFIX = "_vs_golden";

    /**
     * Checks and copies the components.
     *
     * @param scorers the scorers
     * @param concurrency requests in flight
     * @param deadline the budget
     * @param temperature the temperature
     */
    public CompareOptions {
        scorers = List.copyOf(Objects.requireNonNull(scorers, "scorers"));
        Objects.requireNonNull(deadline, "deadline");
        if (scorers.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one scorer");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be in [1, 256]: " + concurrency);
        }
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
        }
    }

    /**
     * Token F1 and chrF, 4 in flight, one hour, temperature 0.
     *
     * @return the default options
     */
    public static CompareOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CompareOptions}. Not thread-safe. */
    public static final class Builder {
        private final List<Scorer> scorers = new ArrayList<>();
        private int concurrency = 4;
        private Duration deadline = Duration.ofHours(1);
        private double temperature;

        private Builder() {
        }

        /**
         * Adds a scorer; the first one replaces the defaults (token F1 and chrF). A judge model is added the same
         * way: {@code addScorer(Scorers.judge(judgeModel, rubric))}.
         *
         * @param scorer the scorer
         * @return this builder
         */
        public Builder addScorer(Scorer scorer) {
            this.scorers.add(Objects.requireNonNull(scorer, "scorer"));
            return this;
        }

        /**
         * Sets how many requests may be in flight at once.
         *
         * @param requests 1 to 256
         * @return this builder
         */
        public Builder concurrency(int requests) {
            this.concurrency = requests;
            return this;
        }

        /**
         * Sets the budget of one comparison.
         *
         * @param deadline positive
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * Sets the new model's sampling temperature.
         *
         * @param temperature 0 to 2
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         */
        public CompareOptions build() {
            List<Scorer> chosen = scorers.isEmpty() ? List.of(Scorers.tokenF1(), Scorers.chrF()) : scorers;
            return new CompareOptions(chosen, concurrency, deadline, temperature);
        }
    }
}
