package io.github.finetune4j.core.internal.tokenizer;

/**
 * Bounds the work spent on one unit (a dataset line): long counts ask it now and then whether to go on.
 * Implementations must be cheap to ask and safe to ask from the one thread doing the work.
 */
public interface WorkBudget {
    /** A budget that never runs out. */
    WorkBudget UNLIMITED = () -> false;

    /**
     * Tells whether the work should stop.
     *
     * @return true once the budget is spent (or the thread was interrupted)
     */
    boolean exhausted();

    /**
     * A budget that runs out at a point in time, or when the thread is interrupted.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @return the budget
     */
    static WorkBudget until(long deadlineNanos) {
        return () -> System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted();
    }
}
