package io.github.finetune4j.azure.deployments.internal;

import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;

import io.github.finetune4j.core.spi.HttpStack;
import io.github.finetune4j.core.spi.LazyPagedIterable;
import io.github.finetune4j.core.spi.Sleeper;
import io.github.finetune4j.azure.internal.AzureAuth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The work behind {@code AzureDeployments}: ARM calls, the provisioning wait and the model handle. Thread-safe. */
public final class Deployments implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Deployments.class.getName());

    private final HttpStack http;
    private final ArmClient arm;
    private final Clock clock;
    private final Duration notFoundGrace;
    private final Duration notFoundInterval;

    /**
     * Creates the deployments client.
     *
     * @param http the core HTTP stack, closed with this object
     * @param endpoints the account's deployment URLs
     * @param auth bearer tokens for the management scope
     * @param clock the clock
     * @param notFoundGrace how long a new deployment's DeploymentNotFound is retried
     * @param notFoundInterval the delay between those retries
     */
    public Deployments(HttpStack http, ArmEndpoints endpoints, AzureAuth auth, Clock clock, Duration notFoundGrace,
                       Duration notFoundInterval) {
        this.http = Objects.requireNonNull(http, "http");
        this.arm = new ArmClient(http.context().transport(), http.context().objectMapper(), endpoints, auth, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notFoundGrace = Objects.requireNonNull(notFoundGrace, "notFoundGrace");
        this.notFoundInterval = Objects.requireNonNull(notFoundInterval, "notFoundInterval");
    }

    /**
     * Sends the create-or-update.
     *
     * @param request what to deploy
     * @return the deployment as ARM accepted it
     */
    public Deployment deploy(DeploymentRequest request) {
        Objects.requireNonNull(request, "request");
        LOG.log(System.Logger.Level.INFO, "deploying {0} as {1} ({2}, capacity {3})", request.model(),
                request.name(), request.sku(), request.capacity());
        return arm.put(request);
    }

    /**
     * Waits until the deployment is provisioned.
     *
     * @param started the deployment as last seen
     * @param options budget, cadence and listeners
     * @return the succeeded deployment
     */
    public Deployment await(Deployment started, DeploymentWaitOptions options) {
        return new DeploymentPoller(arm, Objects.requireNonNull(options, "options"), clock, Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble()).await(Objects.requireNonNull(started, "started"));
    }

    /**
     * Reads a deployment.
     *
     * @param name the deployment name
     * @return the deployment
     */
    public Deployment get(String name) {
        return arm.get(Objects.requireNonNull(name, "name"), null).deployment();
    }

    /**
     * Lists the deployments lazily.
     *
     * @return the deployments
     */
    public PagedIterable<Deployment> list() {
        return new LazyPagedIterable<>(Optional.empty(),
                nextLink -> arm.page(nextLink.map(URI::create).orElseGet(arm::firstPage)));
    }

    /**
     * Deletes a deployment.
     *
     * @param name the deployment name
     * @return true if it existed
     */
    public boolean delete(String name) {
        boolean existed = arm.delete(Objects.requireNonNull(name, "name"));
        LOG.log(System.Logger.Level.INFO, existed ? "deleting deployment {0}" : "deployment {0} did not exist", name);
        return existed;
    }

    /**
     * A model handle that asks through a deployment and retries DeploymentNotFound for the grace window.
     *
     * @param client the data-plane client
     * @param deployment the deployment
     * @return the handle
     */
    public FineTunedModel model(FineTuneClient client, Deployment deployment) {
        return DeploymentNotFoundRetry.wrap(client.model(deployment.name()), notFoundGrace, notFoundInterval, clock,
                Sleeper.SYSTEM);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return arm.toString();
    }
}
