package io.github.finetune4j.core.error;

/**
 * The waiting thread was interrupted. The thread's interrupt flag is already restored; the remote job keeps
 * running.
 */
public class FineTuneInterruptedException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was interrupted
     * @param cause the {@link InterruptedException}
     */
    public FineTuneInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
