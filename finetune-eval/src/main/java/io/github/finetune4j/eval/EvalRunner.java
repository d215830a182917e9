package io.github.finetune4j.eval;

import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.eval.internal.ResultCache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run of an {@link Evaluation}: a bounded pool of worker threads, one task per candidate and example, results
 * collected until all are done or the deadline passes. The pool is created and shut down by the run.
 */
final class EvalRunner {
    private static final System.Logger LOG = System.getLogger(EvalRunner.class.getName());
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final Evaluation evaluation;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<RuntimeException> crash = new AtomicReference<>();

    EvalRunner(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    EvaluationResult run() {
        long started = System.nanoTime();
        long deadline = started + evaluation.deadline().toNanos();
        ResultCache cache = evaluation.cache().map(ResultCache::open).orElse(null);
        ExecutorService pool = Executors.newFixedThreadPool(evaluation.concurrency(), threads());
        try {
            List<RowTask> tasks = tasks(cache, deadline);
            int total = tasks.size();
            int cached = (int) tasks.stream().filter(RowTask::hasCachedAnswer).count();
            fire(l -> l.onStart(total, cached));
            CompletionService<EvalRow> completion = new ExecutorCompletionService<>(pool);
            tasks.forEach(completion::submit);
            List<EvalRow> rows = collect(completion, total, deadline, pool);
            pool.shutdownNow();
            EvaluationResult result = Aggregates.result(evaluation, sorted(rows), rows.size() == total,
                    requests.get(), Duration.ofNanos(System.nanoTime() - started));
            fire(l -> l.onFinish(result));
            return result;
        } finally {
            pool.shutdownNow();
            awaitPool(pool);
            if (cache != null) {
                cache.close();
            }
        }
    }

    private List<RowTask> tasks(ResultCache cache, long deadline) {
        List<RowTask> tasks = new ArrayList<>();
        for (EvalExample example : evaluation.examples()) {
            for (Candidate candidate : evaluation.candidates()) {
                CandidateCall call = new CandidateCall(candidate, evaluation.retryPolicy(), deadline, requests,
                        evaluation.sleeper());
                tasks.add(new RowTask(example, candidate, evaluation.scorers(), Optional.ofNullable(cache), call,
                        this::rowDone, crash));
            }
        }
        return evaluation.batch().isPresent() ? viaBatch(evaluation.batch().get(), tasks, cache, deadline) : tasks;
    }

    /** Runs one batch per candidate for the rows without a cached answer; the tasks then answer from it. */
    private List<RowTask> viaBatch(BatchMode mode, List<RowTask> online, ResultCache cache, long deadline) {
        Map<String, BatchAnswers> answers = new HashMap<>();
        for (Candidate candidate : evaluation.candidates()) {
            List<EvalExample> pending = online.stream()
                    .filter(t -> t.candidate() == candidate && !t.hasCachedAnswer())
                    .map(RowTask::example).toList();
            if (!pending.isEmpty()) {
                answers.put(candidate.name(), BatchAnswers.fetch(mode, candidate, pending, deadline, requests));
            }
        }
        List<RowTask> tasks = new ArrayList<>(online.size());
        for (RowTask task : online) {
            BatchAnswers batch = answers.get(task.candidate().name());
            tasks.add(task.hasCachedAnswer() || batch == null ? task
                    : new RowTask(task.example(), task.candidate(), evaluation.scorers(), Optional.ofNullable(cache),
                    batch.answerFor(task.example()), this::rowDone, crash));
        }
        return tasks;
    }

    private List<EvalRow> collect(CompletionService<EvalRow> completion, int total, long deadline,
                                  ExecutorService pool) {
        List<EvalRow> rows = new ArrayList<>(total);
        try {
            for (int i = 0; i < total; i++) {
                long left = deadline - System.nanoTime();
                Future<EvalRow> next = left > 0 ? completion.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    LOG.log(System.Logger.Level.WARNING, "evaluation deadline {0} reached with {1} of {2} rows done; "
                            + "the rest is missing (re-run with the cache to finish)", evaluation.deadline(),
                            rows.size(), total);
                    return rows;
                }
                rows.add(next.get());
            }
            return rows;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (crash.get() != null) {
                throw crash.get();
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("evaluation task failed", cause);
        }
    }

    private void rowDone(EvalRow row) {
        int count = done.incrementAndGet();
        int total = evaluation.examples().size() * evaluation.candidates().size();
        fire(l -> l.onRow(row, count, total));
    }

    private List<EvalRow> sorted(List<EvalRow> rows) {
        Map<String, Integer> exampleOrder = order(evaluation.examples().stream().map(EvalExample::id).toList());
        Map<String, Integer> candidateOrder = order(evaluation.candidates().stream().map(Candidate::name).toList());
        List<EvalRow> out = new ArrayList<>(rows);
        out.sort(Comparator.<EvalRow>comparingInt(r -> exampleOrder.get(r.exampleId()))
                .thenComparingInt(r -> candidateOrder.get(r.candidate())));
        return out;
    }

    private static Map<String, Integer> order(List<String> names) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), i);
        }
        return out;
    }

    private void fire(Consumer<EvalListener> call) {
        for (EvalListener l : evaluation.listeners()) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an evaluation listener threw {0}; ignored", e.toString());
            }
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "finetune4j-eval-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitPool(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "evaluation workers still busy after {0}", SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
