package io.github.finetune4j.azure.deployments.internal;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A model handle for a deployment that has just succeeded: for a grace window after the handle is made, the data
 * plane's {@code 404 DeploymentNotFound} ("created within the last 5 minutes, please wait") is retried at an
 * interval. The window closes early at the first answer, so later calls fail at once if the deployment is gone.
 * Variants made with {@code with...} share the window. Immutable apart from that shared flag; thread-safe.
 */
public final class DeploymentNotFoundRetry implements FineTunedModel {
    /** The error code Azure returns for a deployment the data plane does not know (yet). */
    public static final String DEPLOYMENT_NOT_FOUND = "DeploymentNotFound";

    private static final System.Logger LOG = System.getLogger(DeploymentNotFoundRetry.class.getName());

    private final FineTunedModel delegate;
    private final Window window;

    private DeploymentNotFoundRetry(FineTunedModel delegate, Window window) {
        this.delegate = delegate;
        this.window = window;
    }

    /**
     * Wraps a model handle.
     *
     * @param delegate the handle that talks to the deployment
     * @param grace how long after now a missing deployment is retried
     * @param interval the delay between attempts
     * @param clock the clock
     * @param sleeper waits between attempts
     * @return the handle
     */
    public static FineTunedModel wrap(FineTunedModel delegate, Duration grace, Duration interval, Clock clock,
                                      Sleeper sleeper) {
        return new DeploymentNotFoundRetry(Objects.requireNonNull(delegate, "delegate"),
                new Window(clock.instant().plus(grace), interval, clock, sleeper));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<String> systemPrompt() {
        return delegate.systemPrompt();
    }

    @Override
    public FineTunedModel withSystemPrompt(String prompt) {
        return new DeploymentNotFoundRetry(delegate.withSystemPrompt(prompt), window);
    }

    @Override
    public FineTunedModel withTemperature(double temperature) {
        return new DeploymentNotFoundRetry(delegate.withTemperature(temperature), window);
    }

    @Override
    public FineTunedModel withMaxTokens(int maxTokens) {
        return new DeploymentNotFoundRetry(delegate.withMaxTokens(maxTokens), window);
    }

    @Override
    public String chat(String question) {
        return window.call(() -> delegate.chat(question), name());
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        return window.call(() -> delegate.chat(messages), name());
    }

    @Override
    public String toString() {
        return "FineTunedModel[" + name() + ", deployment]";
    }

    /** The grace window shared by a handle and its variants. */
    private static final class Window {
        private final Instant end;
        private final Duration interval;
        private final Clock clock;
        private final Sleeper sleeper;
        private final AtomicBoolean reached = new AtomicBoolean();

        Window(Instant end, Duration interval, Clock clock, Sleeper sleeper) {
            this.end = end;
            this.interval = interval;
            this.clock = clock;
            this.sleeper = sleeper;
        }

        <T> T call(Supplier<T> chat, String deployment) {
            while (true) {
                try {
                    T answer = chat.get();
                    reached.set(true);
                    return answer;
                } catch (NotFoundException e) {
                    boolean missing = e.errorCode().filter(DEPLOYMENT_NOT_FOUND::equalsIgnoreCase).isPresent();
                    if (!missing || reached.get() || clock.instant().plus(interval).isAfter(end)) {
                        throw e;
                    }
                    LOG.log(System.Logger.Level.INFO, "deployment {0} is not reachable yet; retrying in {1} ms",
                            deployment, interval.toMillis());
                    pause(deployment);
                }
            }
        }

        private void pause(String deployment) {
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FineTuneInterruptedException("interrupted while waiting for deployment " + deployment, e);
            }
        }
    }
}
