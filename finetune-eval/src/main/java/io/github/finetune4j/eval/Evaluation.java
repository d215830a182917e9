package io.github.finetune4j.eval;

import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.spi.Sleeper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs held-out examples through several candidates side by side and scores every answer against the reference.
 * Immutable and thread-safe; {@link #run()} may be called again (with a cache, a second run only pays for what is
 * missing).
 *
 * <pre>{@code
 * FineTunedModel tuned = client.model(done);
 * FineTunedModel base = client.model(done.baseModel());
 * EvaluationResult result = Evaluation.builder()
 *         .examples(EvalExample.fromDataset(validation))
 *         .addCandidate(Candidate.of("fine-tuned", tuned))
 *         .addCandidate(Candidate.of("base", base))
 *         .addCandidate(Candidate.builder().name("base + 3 shots").model(base).fewShot(training, 3).build())
 *         .addScorer(Scorers.exactMatch()).addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF())
 *         .concurrency(4)                                   // at most 4 requests in flight
 *         .cache(Path.of("eval-cache.jsonl"))               // a re-run after a crash pays only for what is missing
 *         .deadline(Duration.ofMinutes(30))
 *         .build()
 *         .run();
 * System.out.println(result.summaryTable());
 * }</pre>
 *
 * <p><b>Requests.</b> Each candidate gets each example once ({@link Candidate#messagesFor(EvalExample)}), from a
 * pool of {@link Builder#concurrency(int)} threads owned by the run, so no more requests than that are ever in
 * flight (a judge scorer's request is made by the same thread, after the answer). Retries live in one place, the
 * client's HTTP layer: it retries 429, 5xx and connection failures with the client's {@code RetryPolicy}, honouring
 * {@code Retry-After}, and the run does not retry them again. The run repeats only a deferred answer (the service
 * asked to come back later than the HTTP layer waits by itself, {@link ApiException#isDeferred()}), waiting as asked
 * within the deadline, up to {@link Builder#retryPolicy(RetryPolicy)}'s attempts. A row that still fails is recorded
 * as failed and is not cached, so the next run asks again.
 *
 * <p><b>Cache.</b> With {@link Builder#cache(Path)}, every finished row is appended to a JSONL file, keyed by
 * candidate name and example id together with a fingerprint of the model and the exact messages, so a changed
 * prompt is asked again. Scores are cached with the answer; a scorer added later scores cached answers without
 * asking the candidate again.
 *
 * <p><b>Deadline.</b> When {@link Builder#deadline(Duration)} runs out, requests in flight are interrupted and
 * {@link #run()} returns what finished, with {@link EvaluationResult#complete()} false.
 */
public final class Evaluation {
    /** Default number of requests in flight. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Largest allowed concurrency. */
    public static final int MAX_CONCURRENCY = 256;
    /** Default budget of a run. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofHours(1);
    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
    /** Default seed of the bootstrap. */
    public static final long DEFAULT_SEED = 42L;
    /** Default confidence level of the intervals. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    private final List<EvalExample> examples;
    private final List<Candidate> candidates;
    private final List<Scorer> scorers;
    private final int concurrency;
    private final Duration deadline;
    private final Optional<Path> cache;
    private final RetryPolicy retryPolicy;
    private final int bootstrapResamples;
    private final long seed;
    private final double confidenceLevel;
    private final InferencePriceTable prices;
    private final List<EvalListener> listeners;
    private final Optional<BatchMode> batch;
    private final Sleeper sleeper;

    private Evaluation(Builder b) {
        this.examples = List.copyOf(b.examples);
        this.candidates = List.copyOf(b.candidates);
        this.scorers = List.copyOf(b.scorers);
        this.concurrency = b.concurrency;
        this.deadline = b.deadline;
        this.cache = b.cache;
        this.retryPolicy = b.retryPolicy;
        this.bootstrapResamples = b.bootstrapResamples;
        this.seed = b.seed;
        this.confidenceLevel = b.confidenceLevel;
        this.prices = b.prices;
        this.listeners = List.copyOf(b.listeners);
        this.batch = b.batch;
        this.sleeper = b.sleeper;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the evaluation: asks every candidate every example (except what the cache already has), scores the
     * answers and aggregates them. Blocks until done or until the deadline.
     *
     * @return the result; {@link EvaluationResult#complete()} is false when the deadline ended the run early
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if the calling thread was interrupted;
     *     the flag is restored and the requests in flight are interrupted too
     * @throws java.io.UncheckedIOException if the cache file cannot be read or written
     */
    public EvaluationResult run() {
        return new EvalRunner(this).run();
    }

    List<EvalExample> examples() {
        return examples;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    List<Scorer> scorers() {
        return scorers;
    }

    int concurrency() {
        return concurrency;
    }

    Duration deadline() {
        return deadline;
    }

    Optional<Path> cache() {
        return cache;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    int bootstrapResamples() {
        return bootstrapResamples;
    }

    long seed() {
        return seed;
    }

    double confidenceLevel() {
        return confidenceLevel;
    }

    InferencePriceTable prices() {
        return prices;
    }

    List<EvalListener> listeners() {
        return listeners;
    }

    Optional<BatchMode> batch() {
        return batch;
    }

    @Override
    public String toString() {
        return "Evaluation[" + examples.size() + " examples x " + candidates.size() + " candidates, "
                + scorers.size() + " scorers]";
    }

    /** Builds an {@link Evaluation}. Not thread-safe. */
    public static final class Builder {
        private final List<EvalExample> examples = new ArrayList<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private final List<Scorer> scorers = new ArrayList<>();
        private final List<EvalListener> listeners = new ArrayList<>();
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration deadline = DEFAULT_DEADLINE;
        private Optional<Path> cache = Optional.empty();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES;
        private long seed = DEFAULT_SEED;
        private double confidenceLevel = DEFAULT_CONFIDENCE_LEVEL;
        private InferencePriceTable prices = InferencePriceTable.openAi();
        private Optional<BatchMode> batch = Optional.empty();

        private Builder() {
        }

        /**
         * Replaces the examples.
         *
         * @param examples the held-out examples, with unique ids
         * @return this builder
         */
        public Builder examples(List<EvalExample> examples) {
            this.examples.clear();
            examples.forEach(this::addExample);
            return this;
        }

        /**
         * Appends an example.
         *
         * @param example the example
         * @return this builder
         */
        public Builder addExample(EvalExample example) {
            this.examples.add(Objects.requireNonNull(example, "example"));
            return this;
        }

        /**
         * Appends a candidate.
         *
         * @param candidate the candidate, with a unique name
         * @return this builder
         */
        public Builder addCandidate(Candidate candidate) {
            this.candidates.add(Objects.requireNonNull(candidate, "candidate"));
            return this;
        }

        /**
         * Appends a scorer. The first scorer is the primary one of the console summary's win rates.
         *
         * @param scorer the scorer, with a unique name
         * @return this builder
         */
        public Builder addScorer(Scorer scorer) {
            this.scorers.add(Objects.requireNonNull(scorer, "scorer"));
            return this;
        }

        /**
         * Appends a progress listener.
         *
         * @param listener the listener; called from worker threads
         * @return this builder
         */
        public Builder listener(EvalListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the most requests in flight at once. Default: {@value Evaluation#DEFAULT_CONCURRENCY}.
         *
         * @param requests 1 to {@value Evaluation#MAX_CONCURRENCY}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder concurrency(int requests) {
            if (requests < 1 || requests > MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency must be in [1, " + MAX_CONCURRENCY + "]: " + requests);
            }
            this.concurrency = requests;
            return this;
        }

        /**
         * Sets the run's budget. Default: 1 hour.
         *
         * @param deadline positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isZero() || deadline.isNegative()) {
                throw new IllegalArgumentException("deadline must be positive: " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /**
         * Caches finished rows in a JSONL file (created if missing, appended to otherwise). Default: no cache.
         *
         * @param file the cache file
         * @return this builder
         */
        public Builder cache(Path file) {
            this.cache = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Sets how often a deferred request is asked again (the service asked to wait longer than the HTTP layer
         * does by itself); other failures were already retried by the client's HTTP layer. Default:
         * {@link RetryPolicy#defaults()} (3 attempts); {@link RetryPolicy#none()} records the failure at once.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** For tests: waits before a deferred request is asked again. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the bootstrap. Default: {@value Evaluation#DEFAULT_BOOTSTRAP_RESAMPLES} resamples, seed
         * {@value Evaluation#DEFAULT_SEED}; the same seed always gives the same intervals.
         *
         * @param resamples 100 to 1,000,000
         * @param seed the random seed
         * @return this builder
         * @throws IllegalArgumentException if {@code resamples} is out of range
         */
        public Builder bootstrap(int resamples, long seed) {
            if (resamples < 100 || resamples > 1_000_000) {
                throw new IllegalArgumentException("resamples must be in [100, 1000000]: " + resamples);
            }
            this.bootstrapResamples = resamples;
            this.seed = seed;
            return this;
        }

        /**
         * Sets the confidence level of the intervals. Default: {@value Evaluation#DEFAULT_CONFIDENCE_LEVEL}.
         *
         * @param level in (0.5, 1)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder confidenceLevel(double level) {
            if (!(level > 0.5 && level < 1)) {
                throw new IllegalArgumentException("confidence level must be in (0.5, 1): " + level);
            }
            this.confidenceLevel = level;
            return this;
        }

        /**
         * Sets the inference prices. Default: {@link InferencePriceTable#openAi()}.
         *
         * @param prices the table
         * @return this builder
         */
        public Builder prices(InferencePriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /**
         * Sends each candidate's rows without a cached answer as one batch through the provider's Batch API (OpenAI
         * {@code /v1/batches}, Azure OpenAI global batch) instead of one request per row: cheaper for large sets,
         * and the provider does the work, usually within hours. The answers are scored and cached exactly as online
         * answers; a row the batch could not answer, or every row of a batch that failed as a whole, is recorded as
         * a failed row (not cached). The batch wait never exceeds the {@link #deadline(Duration)}; when the wait
         * budget runs out the batch keeps running at the provider and its rows are recorded as failed. Latencies
         * of batch rows are not measured. The request carries the model name and the candidate's messages (plus the
         * model's {@link FineTunedModel#systemPrompt()}); temperature and token limits set on the model are not sent.
         * On Azure, each candidate's model must be the name of a {@code GlobalBatch} deployment.
         *
         * @param client the client whose provider runs the batches; the candidates' models must belong to it
         * @param options window, wait budget and metadata of each batch
         * @return this builder
         * @throws UnsupportedOperationException if the client's provider has no Batch API
         */
        public Builder viaBatch(FineTuneClient client, BatchOptions options) {
            this.batch = Optional.of(new BatchMode(BatchChat.of(client), Objects.requireNonNull(options, "options")));
            return this;
        }

        /**
         * Builds the evaluation.
         *
         * @return the evaluation
         * @throws IllegalStateException if there is no example, candidate or scorer, or a name or id repeats
         */
        public Evaluation build() {
            if (examples.isEmpty() || candidates.isEmpty() || scorers.isEmpty()) {
                throw new IllegalStateException("an evaluation needs at least one example, candidate and scorer: "
                        + "call examples(...), addCandidate(...) and addScorer(...)");
            }
            requireUnique("example id", examples.stream().map(EvalExample::id).toList());
            requireUnique("candidate name", candidates.stream().map(Candidate::name).toList());
            requireUnique("scorer name", scorers.stream().map(Scorer::name).toList());
            return new Evaluation(this);
        }

        private static void requireUnique(String what, List<String> names) {
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    throw new IllegalStateException("duplicate " + what + ": " + name);
                }
            }
        }
    }
}
