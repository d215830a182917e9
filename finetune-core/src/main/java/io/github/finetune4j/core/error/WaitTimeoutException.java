package io.github.finetune4j.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The wait budget ran out before the operation finished. The remote job or deployment keeps running; wait again
 * with {@code FineTuneJob.attach}.
 */
public class WaitTimeoutException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    private final transient Object lastState;
    private final transient Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message what was awaited
     * @param timeout the budget that ran out
     * @param lastState the last observed state, for example a {@code JobSnapshot}, or null
     */
    public WaitTimeoutException(String message, Duration timeout, Object lastState) {
        super(message + " did not finish within " + readable(timeout) + "; it keeps running", null);
        this.timeout = timeout;
        this.lastState = lastState;
    }

    /**
     * The budget that ran out.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The last observed state.
     *
     * @param type the expected type, for example {@code JobSnapshot.class}
     * @param <T> the type
     * @return the state, or empty when none was observed or it has another type
     */
    public <T> Optional<T> lastState(Class<T> type) {
        return type.isInstance(lastState) ? Optional.of(type.cast(lastState)) : Optional.empty();
    }

    /** {@code 3 s}, {@code 2 h 30 min}, {@code 500 ms}: how people write a wait. */
    static String readable(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + " ms";
        }
        long h = d.toHours();
        long min = d.toMinutesPart();
        long sec = d.toSecondsPart();
        StringBuilder text = new StringBuilder();
        if (h > 0) {
            text.append(h).append(" h");
        }
        if (min > 0) {
            text.append(text.length() > 0 ? " " : "").append(min).append(" min");
        }
        if (sec > 0 || text.length() == 0) {
            text.append(text.length() > 0 ? " " : "").append(sec).append(" s");
        }
        return text.toString();
    }
}
