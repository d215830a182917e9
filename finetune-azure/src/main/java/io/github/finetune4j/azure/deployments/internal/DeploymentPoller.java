package io.github.finetune4j.azure.deployments.internal;

import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentListener;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.azure.deployments.ProvisioningState;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.spi.Poller;
import io.github.finetune4j.core.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Awaits a deployment's provisioning with the core's one poller, so the rules of job awaiting hold: a budget checked
 * before each sleep, a growing cadence reset on state changes, {@code Retry-After} honoured, 401/403/404 thrown at
 * once, other poll failures tolerated up to a limit, interrupts restored. Adds what is ARM's: the cost notice, the
 * deployment listeners, and the reason of a failed deployment. One instance per wait.
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
        String notice = CostNotice.of(start);
        LOG.log(System.Logger.Level.INFO, notice);
        fire(l -> l.onCostNotice(start, notice));
        Deployment terminal = new Poller<Deployment>(options.polling(), clock, sleeper, random,
                "deployment " + start.name()).run(start, new Poller.Target<>() {
                    private Optional<Duration> requested = Optional.empty();

                    @Override
                    public Deployment poll() {
                        ArmClient.Polled polled = arm.get(start.name(), start.asyncOperation().orElse(null));
                        requested = polled.retryAfter();
                        return polled.deployment();
                    }

                    @Override
                    public Optional<Duration> requestedDelay() {
                        return requested;
                    }

                    @Override
                    public boolean isTerminal(Deployment state) {
                        return state.isTerminal();
                    }

                    @Override
                    public String describe(Deployment state) {
                        return state.rawState();
                    }

                    @Override
                    public boolean onPolled(Deployment previous, Deployment next) {
                        if (next.state() == previous.state()) {
                            return false;
                        }
                        LOG.log(System.Logger.Level.INFO, "deployment {0}: {1} -> {2}", start.name(),
                                previous.rawState(), next.rawState());
                        fire(l -> l.onStateChanged(previous, next));
                        return true;
                    }

                    @Override
                    public void onPollFailed(int failures, FineTuneException error, Duration nextPollIn) {
                        fire(l -> l.onPollFailed(failures, error, nextPollIn));
                    }
                }, false);
        return outcome(terminal);
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
}
