package io.github.finetune4j.eval;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.eval.internal.ChatTokens;
import io.github.finetune4j.eval.internal.Fingerprints;
import io.github.finetune4j.eval.internal.ResultCache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Produces one row: reuses the cached answer for the same request, or asks the candidate; then scores what is not
 * scored yet, caches the row and reports it. A candidate that fails after retries gives an error row, which is not
 * cached; any other exception ends the run.
 */
final class RowTask implements Callable<EvalRow> {
    private static final System.Logger LOG = System.getLogger(RowTask.class.getName());

    private final EvalExample example;
    private final Candidate candidate;
    private final List<Scorer> scorers;
    private final Optional<ResultCache> cache;
    private final AnswerSource call;
    private final Consumer<EvalRow> onDone;
    private final AtomicReference<RuntimeException> crash;
    private final List<Message> messages;
    private final String fingerprint;
    private final Optional<ResultCache.Entry> cached;

    RowTask(EvalExample example, Candidate candidate, List<Scorer> scorers, Optional<ResultCache> cache,
            AnswerSource call, Consumer<EvalRow> onDone, AtomicReference<RuntimeException> crash) {
        this.example = example;
        this.candidate = candidate;
        this.scorers = scorers;
        this.cache = cache;
        this.call = call;
        this.onDone = onDone;
        this.crash = crash;
        this.messages = candidate.messagesFor(example);
        this.fingerprint = Fingerprints.of(candidate.model().name(), messages);
        this.cached = cache.flatMap(c -> c.find(candidate.name(), example.id(), fingerprint));
    }

    EvalExample example() {
        return example;
    }

    Candidate candidate() {
        return candidate;
    }

    boolean hasCachedAnswer() {
        return cached.isPresent();
    }

    /**
     * Produces the row. Once another task has crashed, it starts nothing and fails with
     * {@link CancellationException}, so a crash stops the run without further requests.
     */
    @Override
    public EvalRow call() {
        if (crash.get() != null) {
            throw new CancellationException("the evaluation stopped after a failure");
        }
        EvalRow row;
        try {
            row = cached.isPresent() ? fromCache(cached.get()) : requested();
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            crash.compareAndSet(null, e);
            throw e;
        }
        onDone.accept(row);
        return row;
    }

    private EvalRow fromCache(ResultCache.Entry entry) {
        Map<String, Score> scores = new TreeMap<>(entry.scores());
        boolean scoredNow = score(entry.answer(), scores);
        if (scoredNow) {
            cache.ifPresent(c -> c.put(new ResultCache.Entry(entry.candidate(), entry.exampleId(), fingerprint,
                    entry.model(), entry.answer(), entry.latencyMillis(), entry.promptTokens(),
                    entry.completionTokens(), entry.usage(), scores)));
        }
        EvalRow.Builder row = EvalRow.builder().exampleId(example.id()).candidate(candidate.name())
                .model(entry.model()).answer(entry.answer()).scores(scores)
                .latency(Duration.ofMillis(entry.latencyMillis())).promptTokens(entry.promptTokens())
                .completionTokens(entry.completionTokens()).origin(RowOrigin.CACHE);
        entry.usage().ifPresent(row::reportedUsage);
        return row.build();
    }

    private EvalRow requested() {
        String model = candidate.model().name();
        long promptTokens = ChatTokens.prompt(model, messages);
        EvalRow.Builder row = EvalRow.builder().exampleId(example.id()).candidate(candidate.name()).model(model)
                .promptTokens(promptTokens).origin(RowOrigin.REQUESTED);
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = call.send(messages);
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (FineTuneException e) {
            LOG.log(System.Logger.Level.WARNING, "candidate {0} could not answer example {1}: {2}", candidate.name(),
                    example.id(), e.getMessage());
            return row.latency(Duration.ofNanos(System.nanoTime() - start))
                    .error(e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String answer = response.text();
        long completionTokens = ChatTokens.text(model, answer);
        Map<String, Score> scores = new TreeMap<>();
        score(answer, scores);
        cache.ifPresent(c -> c.put(new ResultCache.Entry(candidate.name(), example.id(), fingerprint, model, answer,
                latency.toMillis(), promptTokens, completionTokens, response.usage(), scores)));
        response.usage().ifPresent(row::reportedUsage);
        return row.answer(answer).scores(scores).latency(latency).completionTokens(completionTokens).build();
    }

    /** Adds the scores that are missing; returns whether it added any. */
    private boolean score(String answer, Map<String, Score> scores) {
        boolean added = false;
        for (Scorer scorer : scorers) {
            if (scores.containsKey(scorer.name())) {
                continue;
            }
            try {
                scores.put(scorer.name(), scorer.score(example, answer));
                added = true;
            } catch (FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                LOG.log(System.Logger.Level.WARNING, "scorer {0} failed on example {1} of {2}: {3}", scorer.name(),
                        example.id(), candidate.name(), e.getMessage());
            }
        }
        return added;
    }
}
