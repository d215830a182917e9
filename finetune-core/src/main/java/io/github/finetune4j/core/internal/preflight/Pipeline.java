package io.github.finetune4j.core.internal.preflight;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one pass: a reader thread cuts the input into batches and hands each to the worker pool; the calling thread
 * takes the results in file order and feeds the {@link Aggregator}. Memory stays flat because a bounded queue and
 * a byte budget limit how much is read ahead of the aggregator.
 */
final class Pipeline {
    private static final int KIB = 1024;

    private final int threads;
    private final int budgetKib;

    Pipeline(int threads, long budgetBytes) {
        this.threads = threads;
        this.budgetKib = (int) Math.max(1, budgetBytes / KIB);
    }

    /** How a pass ended. */
    static final class Outcome {
        long bytesRead;
        Throwable readFailure;
    }

    private static final class Pending {
        final Batch batch;
        final Future<LineResult[]> results;
        final int permits;
        final boolean end;
        final Throwable failure;
        final long bytesRead;

        Pending(Batch batch, Future<LineResult[]> results, int permits) {
            this.batch = batch;
            this.results = results;
            this.permits = permits;
            this.end = false;
            this.failure = null;
            this.bytesRead = 0;
        }

        Pending(Throwable failure, long bytesRead) {
            this.batch = null;
            this.results = null;
            this.permits = 0;
            this.end = true;
            this.failure = failure;
            this.bytesRead = bytesRead;
        }
    }

    Outcome run(BatchSource source, LineChecker checker, Aggregator aggregator) throws InterruptedException,
            IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemons("finetune4j-preflight-worker-"));
        BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(threads * 4);
        Semaphore budget = new Semaphore(budgetKib);
        Thread reader = daemons("finetune4j-preflight-reader-").newThread(() -> {
            long read = 0;
            Throwable failure = null;
            try {
                read = source.read(batch -> {
                    int permits = (int) Math.min(budgetKib, batch.weight() / KIB + 1);
                    budget.acquire(permits);
                    Future<LineResult[]> f = workers.submit(() -> checker.check(batch));
                    queue.put(new Pending(batch, f, permits));
                });
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
            try {
                queue.put(new Pending(failure, read));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        Outcome outcome = new Outcome();
        try {
            while (true) {
                Pending p = queue.take();
                if (p.end) {
                    outcome.bytesRead = p.bytesRead;
                    outcome.readFailure = p.failure;
                    return outcome;
                }
                LineResult[] results;
                try {
                    results = p.results.get();
                } catch (ExecutionException e) {
                    // the per-line guard in LineChecker failed too (no memory for the results array): every line of
                    // the batch gets an issue and the rest of the file is still checked
                    results = checker.failedBatch(p.batch, e.getCause());
                }
                aggregator.accept(p.batch, results);
                budget.release(p.permits);
            }
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
