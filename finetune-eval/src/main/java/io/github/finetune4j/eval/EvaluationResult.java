package io.github.finetune4j.eval;

import io.github.finetune4j.eval.internal.SummaryText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an {@link Evaluation}: per-example rows, per-candidate aggregates with bootstrap confidence
 * intervals, pairwise win rates and the cost per 1,000 requests. Immutable.
 *
 * <pre>{@code
 * System.out.println(result.summaryTable());
 * double tunedF1 = result.summary("fine-tuned").orElseThrow().score(Scorers.TOKEN_F1).mean();
 * double winRate = result.comparison(Scorers.TOKEN_F1, "fine-tuned", "base").orElseThrow().winRate();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param examples the examples, in order
 * @param candidates the candidates' names, in order
 * @param scorers the scorers' names, in order
 * @param rows one row per candidate and example that finished, ordered by example then candidate
 * @param summaries one per candidate, in candidate order
 * @param comparisons every ordered pair of different candidates, per scorer
 * @param costs one per candidate, in candidate order
 * @param confidenceLevel the level of the intervals, for example 0.95
 * @param priceTableVersion the version of the price table the costs come from
 * @param complete false when the deadline ended the run before every row finished
 * @param requestsSent the chat requests sent to candidates in this run (cached rows send none)
 * @param elapsed how long the run took
 */
public record EvaluationResult(List<EvalExample> examples, List<String> candidates, List<String> scorers,
                               List<EvalRow> rows, List<CandidateSummary> summaries,
                               List<PairwiseComparison> comparisons, List<CostComparison> costs,
                               double confidenceLevel, String priceTableVersion, boolean complete, int requestsSent,
                               Duration elapsed) {
    /**
     * Validates the components.
     *
     * @param examples the examples, in order
     * @param candidates the candidates' names, in order
     * @param scorers the scorers' names, in order
     * @param rows one row per candidate and example that finished, ordered by example then candidate
     * @param summaries one per candidate, in candidate order
     * @param comparisons every ordered pair of different candidates, per scorer
     * @param costs one per candidate, in candidate order
     * @param confidenceLevel the level of the intervals, for example 0.95
     * @param priceTableVersion the version of the price table the costs come from
     * @param complete false when the deadline ended the run before every row finished
     * @param requestsSent the chat requests sent to candidates in this run (cached rows send none)
     * @param elapsed how long the run took
     */
    public EvaluationResult {
        examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        scorers = List.copyOf(Objects.requireNonNull(scorers, "scorers"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        summaries = List.copyOf(Objects.requireNonNull(summaries, "summaries"));
        comparisons = List.copyOf(Objects.requireNonNull(comparisons, "comparisons"));
        costs = List.copyOf(Objects.requireNonNull(costs, "costs"));
        Objects.requireNonNull(priceTableVersion, "priceTableVersion");
        Objects.requireNonNull(elapsed, "elapsed");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1): " + confidenceLevel);
        }
        if (requestsSent < 0) {
            throw new IllegalArgumentException("requestsSent must not be negative: " + requestsSent);
        }
    }

    /**
     * One candidate's row for one example.
     *
     * @param candidate the candidate's name
     * @param exampleId the example's id
     * @return the row, or empty when it did not finish
     */
    public Optional<EvalRow> row(String candidate, String exampleId) {
        return rows.stream().filter(r -> r.candidate().equals(candidate) && r.exampleId().equals(exampleId))
                .findFirst();
    }

    /**
     * One candidate's rows.
     *
     * @param candidate the candidate's name
     * @return the rows in example order
     */
    public List<EvalRow> rowsOf(String candidate) {
        List<EvalRow> out = new ArrayList<>();
        rows.stream().filter(r -> r.candidate().equals(candidate)).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * One candidate's aggregates.
     *
     * @param candidate the candidate's name
     * @return the summary, or empty for an unknown name
     */
    public Optional<CandidateSummary> summary(String candidate) {
        return summaries.stream().filter(s -> s.candidate().equals(candidate)).findFirst();
    }

    /**
     * The wins of one candidate over another by one scorer.
     *
     * @param scorer the scorer's name
     * @param candidate the candidate whose wins are counted
     * @param opponent the other candidate
     * @return the comparison, or empty for unknown names
     */
    public Optional<PairwiseComparison> comparison(String scorer, String candidate, String opponent) {
        return comparisons.stream().filter(c -> c.scorer().equals(scorer) && c.candidate().equals(candidate)
                && c.opponent().equals(opponent)).findFirst();
    }

    /**
     * One candidate's cost per 1,000 requests.
     *
     * @param candidate the candidate's name
     * @return the cost comparison, or empty for an unknown name
     */
    public Optional<CostComparison> cost(String candidate) {
        return costs.stream().filter(c -> c.candidate().equals(candidate)).findFirst();
    }

    /**
     * The rows that did not finish before the deadline.
     *
     * @return {@code examples * candidates - rows}; 0 when complete
     */
    public int missingRows() {
        return examples.size() * candidates.size() - rows.size();
    }

    /**
     * A plain-text table for the console: per candidate the mean of each scorer with its interval, errors,
     * latency, tokens and cost per 1,000 requests, followed by the win rates of the first candidate.
     *
     * @return the table, several lines
     */
    public String summaryTable() {
        return SummaryText.render(this);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EvaluationResult}. Not thread-safe. */
    public static final class Builder {
        private List<EvalExample> examples = List.of();
        private List<String> candidates = List.of();
        private List<String> scorers = List.of();
        private List<EvalRow> rows = List.of();
        private List<CandidateSummary> summaries = List.of();
        private List<PairwiseComparison> comparisons = List.of();
        private List<CostComparison> costs = List.of();
        private double confidenceLevel = Evaluation.DEFAULT_CONFIDENCE_LEVEL;
        private String priceTableVersion = "";
        private boolean complete = true;
        private int requestsSent;
        private Duration elapsed = Duration.ZERO;

        private Builder() {
        }

        /**
         * Sets the examples.
         *
         * @param examples in order
         * @return this builder
         */
        public Builder examples(List<EvalExample> examples) {
            this.examples = List.copyOf(examples);
            return this;
        }

        /**
         * Sets the candidates' names.
         *
         * @param names in order
         * @return this builder
         */
        public Builder candidates(List<String> names) {
            this.candidates = List.copyOf(names);
            return this;
        }

        /**
         * Sets the scorers' names.
         *
         * @param names in order
         * @return this builder
         */
        public Builder scorers(List<String> names) {
            this.scorers = List.copyOf(names);
            return this;
        }

        /**
         * Sets the rows.
         *
         * @param rows ordered by example then candidate
         * @return this builder
         */
        public Builder rows(List<EvalRow> rows) {
            this.rows = List.copyOf(rows);
            return this;
        }

        /**
         * Sets the summaries.
         *
         * @param summaries in candidate order
         * @return this builder
         */
        public Builder summaries(List<CandidateSummary> summaries) {
            this.summaries = List.copyOf(summaries);
            return this;
        }

        /**
         * Sets the pairwise comparisons.
         *
         * @param comparisons the comparisons
         * @return this builder
         */
        public Builder comparisons(List<PairwiseComparison> comparisons) {
            this.comparisons = List.copyOf(comparisons);
            return this;
        }

        /**
         * Sets the cost comparisons.
         *
         * @param costs in candidate order
         * @return this builder
         */
        public Builder costs(List<CostComparison> costs) {
            this.costs = List.copyOf(costs);
            return this;
        }

        /**
         * Sets the confidence level. Default: {@value Evaluation#DEFAULT_CONFIDENCE_LEVEL}.
         *
         * @param level in (0, 1)
         * @return this builder
         */
        public Builder confidenceLevel(double level) {
            this.confidenceLevel = level;
            return this;
        }

        /**
         * Sets the price table's version.
         *
         * @param version the label
         * @return this builder
         */
        public Builder priceTableVersion(String version) {
            this.priceTableVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets whether every row finished. Default: true.
         *
         * @param complete false when the deadline cut the run short
         * @return this builder
         */
        public Builder complete(boolean complete) {
            this.complete = complete;
            return this;
        }

        /**
         * Sets the number of requests sent.
         *
         * @param requests the count
         * @return this builder
         */
        public Builder requestsSent(int requests) {
            this.requestsSent = requests;
            return this;
        }

        /**
         * Sets the run's duration.
         *
         * @param elapsed the duration
         * @return this builder
         */
        public Builder elapsed(Duration elapsed) {
            this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public EvaluationResult build() {
            return new EvaluationResult(examples, candidates, scorers, rows, summaries, comparisons, costs,
                    confidenceLevel, priceTableVersion, complete, requestsSent, elapsed);
        }
    }
}
