package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.Deployment;
import io.github.finetune4j.azure.DeploymentListener;
import io.github.finetune4j.azure.DeploymentWaitOptions;
import io.github.finetune4j.azure.ProvisioningState;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.WaitTimeoutException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Awaits a deployment's provisioning with the rules of job awaiting: a budget checked before each sleep, a growing
 * cadence reset on state changes, {@code Retry-After} honoured, 401/403/404 thrown at once, other poll failures
 * tolerated up to a limit, listeners that cannot break the wait, interrupts restored. One instance per wait.
 */
final class DeploymentPoller {
    private static final System.Logger LOG = System.getLogger(DeploymentPoller.class.getName());

    private final ArmClient arm;
    private final DeploymentWaitOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    DeploymentPoller(ArmClient arm, DeploymentWaitOptions options, Clock clock, Sleeper sleeper,
                     DoubleSupplier random) {
        this.arm = arm;
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    Deployment await(Deployment start) {
        Instant began = clock.instant();
        Cadence cadence = new Cadence(options.polling(), random);
        String notice = CostNotice.of(start);
        LOG.log(System.Logger.Level.INFO, notice);
        fire(l -> l.onCostNotice(start, notice));
        Deployment current = start;
        int failures = 0;
        Duration hint = null;
        boolean first = true;
        while (!(first && start.isTerminal())) {
            if (!first) {
                Duration delay = cadence.next(hint);
                hint = null;
                if (Duration.between(began, clock.instant()).plus(delay).compareTo(options.timeout()) > 0) {
                    throw new WaitTimeoutException("deployment " + start.name() + " (last state "
                            + current.rawState() + ")", options.timeout(), current);
                }
                LOG.log(System.Logger.Level.DEBUG, "deployment {0} is {1}; next poll in {2} ms", start.name(),
                        current.rawState(), delay.toMillis());
                sleep(delay, start);
            }
            first = false;
            try {
                ArmClient.Polled polled = arm.get(start.name(), start.asyncOperation().orElse(null));
                Deployment next = polled.deployment();
                hint = polled.retryAfter().orElse(null);
                if (next.state() != current.state()) {
                    Deployment previous = current;
                    LOG.log(System.Logger.Level.INFO, "deployment {0}: {1} -> {2}", start.name(),
                            previous.rawState(), next.rawState());
                    fire(l -> l.onStateChanged(previous, next));
                    cadence.reset();
                }
                current = next;
                failures = 0;
            } catch (AuthenticationException | PermissionDeniedException | NotFoundException
                     | FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                failures++;
                if (failures >= options.maxConsecutivePollFailures()) {
                    LOG.log(System.Logger.Level.WARNING, "giving up on deployment " + start.name() + " after "
                            + failures + " failed polls");
                    throw e;
                }
                hint = e instanceof ApiException ? ((ApiException) e).retryAfter().orElse(null) : null;
                int count = failures;
                Duration next = hint == null ? Duration.ZERO : hint;
                fire(l -> l.onPollFailed(count, e, next));
            }
            if (current.isTerminal()) {
                break;
            }
        }
        return outcome(current);
    }

    private Deployment outcome(Deployment terminal) {
        if (terminal.state() == ProvisioningState.SUCCEEDED) {
            return terminal;
        }
        Optional<String> reason = Optional.empty();
        if (terminal.asyncOperation().isPresent()) {
            try {
                reason = arm.failure(terminal.asyncOperation().get());
            } catch (FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not read why deployment {0} failed: {1}", terminal.name(),
                        e.getMessage());
            }
        }
        throw new FineTuneException("deployment " + terminal.name() + " of " + terminal.model() + " ended "
                + terminal.rawState() + reason.map(r -> ": " + r).orElse(" (no reason given; see the activity log "
                + "of the Azure OpenAI resource)"), null, ArmClient.PLANE, null);
    }

    private void fire(Consumer<DeploymentListener> event) {
        for (DeploymentListener listener : options.listeners()) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "deployment listener " + listener.getClass().getName()
                        + " threw " + e);
            }
        }
    }

    private void sleep(Duration delay, Deployment deployment) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while awaiting deployment " + deployment.name(), e);
        }
    }
}
