package io.github.finetune4j.azure.deployments;

import io.github.finetune4j.azure.deployments.internal.ArmClient;
import io.github.finetune4j.azure.deployments.internal.ArmEndpoints;
import io.github.finetune4j.azure.internal.AzureAuth;
import io.github.finetune4j.azure.deployments.internal.Deployments;
import io.github.finetune4j.azure.internal.Urls;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.spi.HttpStack;
import io.github.finetune4j.azure.identity.TokenCredential;
import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.azure.identity.ClientSecretCredential;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Deploys fine-tuned models on an Azure OpenAI resource through Azure Resource Manager, so that they can answer:
 * on Azure a finished job gives a model id only, and inference needs a deployment.
 *
 * <p><b>Costs.</b> Standard and Global Standard deployments of fine-tuned models bill an <b>hourly hosting fee</b>
 * (about USD 1.70 per hour at the time of writing) from creation, whether used or not, plus tokens. Azure deletes a
 * deployment that receives no inference for <b>15 days</b> (the model stays and can be deployed again); Developer
 * deployments have no hosting fee and are deleted after 24 hours. {@link #delete(String)} what you no longer use.
 * Waiting reports the same notice to {@link DeploymentListener#onCostNotice(Deployment, String)} and logs it.
 *
 * <pre>{@code
 * try (AzureDeployments deployments = AzureDeployments.builder()
 *         .subscriptionId("00000000-0000-0000-0000-000000000000").resourceGroup("rg-ai").accountName("my-resource")
 *         .credential(ClientSecretCredential.fromEnvironment())
 *         .build()) {
 *     Deployment deployment = deployments.deploy(DeploymentRequest.builder().name("t1000").fineTunedModel(done)
 *             .sku(DeploymentSku.STANDARD).capacity(1).build(), DeploymentWaitOptions.defaults());
 *     String answer = deployments.model(client, deployment)
 *             .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
 *     deployments.delete(deployment.name());
 * }
 * }</pre>
 *
 * <p>Requests carry {@code Authorization: Bearer} tokens for {@value TokenRequest#MANAGEMENT_SCOPE} (ARM has no
 * keys); the caller needs {@code Microsoft.CognitiveServices/accounts/deployments/write}, for example the
 * "Cognitive Services Contributor" role. Errors name the plane ({@code azure-arm 403 AuthorizationFailed: ...}).
 * Thread-safe: create one and share it; close it when done.
 */
public final class AzureDeployments implements AutoCloseable {
    /** The public-cloud ARM endpoint, {@value}. */
    public static final String DEFAULT_ARM_ENDPOINT = "https://management.azure.com";
    /** The ARM api-version of deployments, {@value}. */
    public static final String DEFAULT_API_VERSION = "2024-10-01";
    /** How long a new deployment's {@code 404 DeploymentNotFound} is retried on the data plane: 5 minutes. */
    public static final Duration DEFAULT_NOT_FOUND_GRACE = Duration.ofMinutes(5);
    /** The delay between those retries: 10 seconds. */
    public static final Duration DEFAULT_NOT_FOUND_INTERVAL = Duration.ofSeconds(10);

    private final Deployments deployments;

    private AzureDeployments(Deployments deployments) {
        this.deployments = deployments;
    }

    /**
     * Starts configuring.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates or updates a deployment ({@code PUT}) and returns at once, usually in state {@code Creating}. The
     * hosting fee starts now (see the class documentation).
     *
     * @param request what to deploy
     * @return the deployment as ARM accepted it
     * @throws io.github.finetune4j.core.error.ApiException if ARM refuses (for example {@code 409} while another
     *     operation runs, {@code InsufficientQuota}, {@code 403 AuthorizationFailed})
     * @throws io.github.finetune4j.core.error.FineTuneException if ARM cannot be reached or the token cannot be
     *     obtained
     */
    public Deployment deploy(DeploymentRequest request) {
        return deployments.deploy(request);
    }

    /**
     * Creates or updates a deployment and waits until it is provisioned.
     *
     * @param request what to deploy
     * @param options budget, cadence and listeners
     * @return the succeeded deployment
     * @throws io.github.finetune4j.core.error.FineTuneException if the deployment ends {@code Failed},
     *     {@code Canceled} or {@code Disabled} (with ARM's reason when known), or a request fails
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out; the deployment goes on
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored); the
     *     deployment goes on
     */
    public Deployment deploy(DeploymentRequest request, DeploymentWaitOptions options) {
        return awaitProvisioned(deploy(request), options);
    }

    /**
     * Waits until a deployment is provisioned, polling {@code properties.provisioningState} with the rules of job
     * awaiting: the budget is checked before each sleep, the cadence grows and starts over on state changes, a
     * longer {@code Retry-After} wins, 401/403/404 end the wait at once, other poll failures are tolerated up to
     * {@link DeploymentWaitOptions#maxConsecutivePollFailures()}. Stopping the wait does not stop the deployment.
     *
     * @param started the deployment as {@link #deploy(DeploymentRequest)} returned it (its status URL gives the
     *     reason if it fails)
     * @param options budget, cadence and listeners
     * @return the succeeded deployment
     * @throws io.github.finetune4j.core.error.FineTuneException if the deployment ends {@code Failed},
     *     {@code Canceled} or {@code Disabled}, or polling fails
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     */
    public Deployment awaitProvisioned(Deployment started, DeploymentWaitOptions options) {
        return deployments.await(started, options);
    }

    /**
     * Waits until a deployment is provisioned, picking it up by name (for example after a restart).
     *
     * @param name the deployment name
     * @param options budget, cadence and listeners
     * @return the succeeded deployment
     * @throws io.github.finetune4j.core.error.NotFoundException if there is no such deployment
     * @throws io.github.finetune4j.core.error.FineTuneException if the deployment ends {@code Failed},
     *     {@code Canceled} or {@code Disabled}, or polling fails
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     */
    public Deployment awaitProvisioned(String name, DeploymentWaitOptions options) {
        return deployments.await(get(name), options);
    }

    /**
     * Reads a deployment (one GET).
     *
     * @param name the deployment name
     * @return the deployment
     * @throws io.github.finetune4j.core.error.NotFoundException if there is no such deployment
     * @throws io.github.finetune4j.core.error.FineTuneException if ARM refuses or cannot be reached
     */
    public Deployment get(String name) {
        return deployments.get(name);
    }

    /**
     * Lists the account's deployments, lazily, following ARM's {@code nextLink}.
     *
     * @return the deployments; iterating performs I/O and may throw any
     *     {@link io.github.finetune4j.core.error.FineTuneException}
     */
    public PagedIterable<Deployment> list() {
        return deployments.list();
    }

    /**
     * Deletes a deployment ({@code DELETE}); this stops its hosting fee. ARM finishes the deletion in the
     * background. The model itself stays and can be deployed again.
     *
     * @param name the deployment name
     * @return true if the deployment existed, false if ARM answered that it did not ({@code 204})
     * @throws io.github.finetune4j.core.error.FineTuneException if ARM refuses or cannot be reached
     */
    public boolean delete(String name) {
        return deployments.delete(name);
    }

    /**
     * The same {@link FineTunedModel} API as on OpenAI, asking through a deployment: the deployment name is the
     * model. Right after a deployment succeeds the data plane may answer {@code 404 DeploymentNotFound} for a few
     * minutes; this handle retries that for the configured grace window (default 5 minutes, counted from this
     * call, and only until the first answer).
     *
     * @param client the Azure data-plane client
     * @param deployment the provisioned deployment
     * @return the model handle
     */
    public FineTunedModel model(FineTuneClient client, Deployment deployment) {
        return deployments.model(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(deployment, "deployment"));
    }

    /** Releases the HTTP client of this object. Does not delete any deployment. */
    @Override
    public void close() {
        deployments.close();
    }

    @Override
    public String toString() {
        return "AzureDeployments[" + deployments + "]";
    }

    /** Configures {@link AzureDeployments}. Not thread-safe. */
    public static final class Builder {
        private String subscriptionId;
        private String resourceGroup;
        private String accountName;
        private TokenCredential credential;
        private URI armEndpoint = URI.create(DEFAULT_ARM_ENDPOINT);
        private String apiVersion = DEFAULT_API_VERSION;
        private String tokenScope = TokenRequest.MANAGEMENT_SCOPE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration notFoundGrace = DEFAULT_NOT_FOUND_GRACE;
        private Duration notFoundInterval = DEFAULT_NOT_FOUND_INTERVAL;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the subscription of the Azure OpenAI resource. Required.
         *
         * @param subscriptionId the subscription id
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder subscriptionId(String subscriptionId) {
            this.subscriptionId = text(subscriptionId, "subscriptionId");
            return this;
        }

        /**
         * Sets the resource group of the Azure OpenAI resource. Required.
         *
         * @param resourceGroup the resource group name
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder resourceGroup(String resourceGroup) {
            this.resourceGroup = text(resourceGroup, "resourceGroup");
            return this;
        }

        /**
         * Sets the name of the Azure OpenAI resource (the ARM account). Required.
         *
         * @param accountName the account name
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder accountName(String accountName) {
            this.accountName = text(accountName, "accountName");
            return this;
        }

        /**
         * Sets where ARM tokens come from. Required: ARM accepts no keys. Tokens are cached and refreshed.
         *
         * @param credential the credential
         * @return this builder
         * @throws NullPointerException if {@code credential} is null
         */
        public Builder credential(TokenCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /**
         * Sets the ARM endpoint, for sovereign clouds (for example {@code https://management.usgovcloudapi.net},
         * together with {@link #tokenScope(String)}) or tests. Default {@value AzureDeployments#DEFAULT_ARM_ENDPOINT}.
         *
         * @param armEndpoint https (plain http only for loopback hosts)
         * @return this builder
         * @throws IllegalArgumentException if it is not an acceptable URL
         */
        public Builder armEndpoint(URI armEndpoint) {
            this.armEndpoint = Urls.requireSecure(Urls.normalizeBase(armEndpoint, "armEndpoint"), "armEndpoint");
            return this;
        }

        /**
         * Sets the ARM api-version. Default {@value AzureDeployments#DEFAULT_API_VERSION}.
         *
         * @param apiVersion for example {@code 2025-06-01}
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = text(apiVersion, "apiVersion");
            return this;
        }

        /**
         * Sets the scope of ARM tokens. Default {@value TokenRequest#MANAGEMENT_SCOPE}.
         *
         * @param scope the scope
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder tokenScope(String scope) {
            this.tokenScope = TokenRequest.of(scope).scope();
            return this;
        }

        /**
         * Sets how failed ARM requests are retried. Default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy
         * @return this builder
         * @throws NullPointerException if {@code retryPolicy} is null
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets how long {@link AzureDeployments#model(FineTuneClient, Deployment)} retries a new deployment's
         * {@code DeploymentNotFound}, and how often. Default 5 minutes, every 10 seconds.
         *
         * @param grace the window, zero or positive
         * @param interval the delay between attempts, positive
         * @return this builder
         * @throws IllegalArgumentException if a duration is out of range
         */
        public Builder deploymentNotFoundRetry(Duration grace, Duration interval) {
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(interval, "interval");
            if (grace.isNegative() || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("need grace >= 0 and interval > 0");
            }
            this.notFoundGrace = grace;
            this.notFoundInterval = interval;
            return this;
        }

        /**
         * Sets the clock used for budgets. Default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the deployments client and its HTTP client. Does no I/O.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if the subscription, resource group, account or credential is missing
         */
        public AzureDeployments build() {
            require(subscriptionId, "subscriptionId");
            require(resourceGroup, "resourceGroup");
            require(accountName, "accountName");
            require(credential, "credential");
            ArmEndpoints endpoints = new ArmEndpoints(armEndpoint, subscriptionId, resourceGroup, accountName,
                    apiVersion);
            AzureAuth auth = AzureAuth.bearer(TokenCredential.cached(credential), TokenRequest.of(tokenScope));
            HttpStack http = HttpStack.open(ArmClient.PLANE, retryPolicy, clock);
            return new AzureDeployments(new Deployments(http, endpoints, auth, clock, notFoundGrace,
                    notFoundInterval));
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " missing: call " + name + "(...)");
            }
        }

        private static String text(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.trim();
        }
    }
}
