package io.github.finetune4j.azure.deployments;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment of a model on an Azure OpenAI resource, as Azure Resource Manager reported it at one instant. Its
 * {@link #name()} is what inference uses as the model ({@code client.model(name)}). The canonical constructor is
 * outside the compatibility promise: use {@link #builder()}.
 *
 * @param name the deployment name
 * @param id the ARM resource id
 * @param state the provisioning state
 * @param rawState the provisioning state as ARM spelled it
 * @param sku the deployment type
 * @param capacity the SKU capacity (Standard: thousands of tokens per minute), if reported
 * @param model the deployed model (a fine-tuned model id or a checkpoint id)
 * @param modelVersion the model version, if reported
 * @param raiPolicyName the content filter policy, if set
 * @param tags the ARM tags
 * @param createdAt when the deployment was created (ARM {@code systemData}), if reported; hourly hosting fees run
 *     from here
 * @param asyncOperation the {@code Azure-AsyncOperation} status URL of the create-or-update that returned this
 *     state, if any; used to report why a deployment failed
 */
public record Deployment(String name, String id, ProvisioningState state, String rawState, DeploymentSku sku,
                         Optional<Integer> capacity, String model, Optional<String> modelVersion,
                         Optional<String> raiPolicyName, Map<String, String> tags, Optional<Instant> createdAt,
                         Optional<URI> asyncOperation) {
    /**
     * Validates the components.
     *
     * @param name the deployment name
     * @param id the ARM resource id
     * @param state the provisioning state
     * @param rawState the provisioning state as ARM spelled it
     * @param sku the deployment type
     * @param capacity the SKU capacity (Standard: thousands of tokens per minute), if reported
     * @param model the deployed model (a fine-tuned model id or a checkpoint id)
     * @param modelVersion the model version, if reported
     * @param raiPolicyName the content filter policy, if set
     * @param tags the ARM tags
     * @param createdAt when the deployment was created (ARM {@code systemData}), if reported; hourly hosting fees run from here
     * @param asyncOperation the {@code Azure-AsyncOperation} status URL of the create-or-update that returned this state, if any; used to report why a deployment failed
     */
    public Deployment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rawState, "rawState");
        Objects.requireNonNull(sku, "sku");
        capacity = capacity == null ? Optional.empty() : capacity;
        Objects.requireNonNull(model, "model");
        modelVersion = modelVersion == null ? Optional.empty() : modelVersion;
        raiPolicyName = raiPolicyName == null ? Optional.empty() : raiPolicyName;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        asyncOperation = asyncOperation == null ? Optional.empty() : asyncOperation;
    }

    /**
     * Tells whether the deployment has reached a state it will not leave by itself.
     *
     * @return true if {@link #state()} is terminal
     */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this deployment's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).id(id).state(state).rawState(rawState).sku(sku).model(model).tags(tags);
        b.capacity = capacity;
        b.modelVersion = modelVersion;
        b.raiPolicyName = raiPolicyName;
        b.createdAt = createdAt;
        b.asyncOperation = asyncOperation;
        return b;
    }

    /** Builds a {@link Deployment}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String id;
        private ProvisioningState state;
        private String rawState;
        private DeploymentSku sku;
        private Optional<Integer> capacity = Optional.empty();
        private String model;
        private Optional<String> modelVersion = Optional.empty();
        private Optional<String> raiPolicyName = Optional.empty();
        private Map<String, String> tags = Map.of();
        private Optional<Instant> createdAt = Optional.empty();
        private Optional<URI> asyncOperation = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the name.
         *
         * @param name the deployment name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the id.
         *
         * @param id the ARM resource id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the state; the raw state defaults to the ARM spelling of the state.
         *
         * @param state the state
         * @return this builder
         */
        public Builder state(ProvisioningState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * Sets the rawState.
         *
         * @param rawState the state as ARM spelled it
         * @return this builder
         */
        public Builder rawState(String rawState) {
            this.rawState = Objects.requireNonNull(rawState, "rawState");
            return this;
        }

        /**
         * Sets the sku.
         *
         * @param sku the deployment type
         * @return this builder
         */
        public Builder sku(DeploymentSku sku) {
            this.sku = Objects.requireNonNull(sku, "sku");
            return this;
        }

        /**
         * Sets the capacity.
         *
         * @param capacity the SKU capacity, or null if not reported
         * @return this builder
         */
        public Builder capacity(Integer capacity) {
            this.capacity = Optional.ofNullable(capacity);
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model the deployed model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the modelVersion.
         *
         * @param modelVersion the model version, or null
         * @return this builder
         */
        public Builder modelVersion(String modelVersion) {
            this.modelVersion = Optional.ofNullable(modelVersion);
            return this;
        }

        /**
         * Sets the raiPolicyName.
         *
         * @param raiPolicyName the content filter policy, or null
         * @return this builder
         */
        public Builder raiPolicyName(String raiPolicyName) {
            this.raiPolicyName = Optional.ofNullable(raiPolicyName);
            return this;
        }

        /**
         * Sets the tags.
         *
         * @param tags the ARM tags
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags = Map.copyOf(tags);
            return this;
        }

        /**
         * Sets the createdAt.
         *
         * @param createdAt the creation time, or null
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Optional.ofNullable(createdAt);
            return this;
        }

        /**
         * Sets the asyncOperation.
         *
         * @param asyncOperation the operation status URL, or null
         * @return this builder
         */
        public Builder asyncOperation(URI asyncOperation) {
            this.asyncOperation = Optional.ofNullable(asyncOperation);
            return this;
        }

        /**
         * Builds the deployment.
         *
         * @return the deployment
         * @throws IllegalStateException if name, id, state, sku or model is missing
         */
        public Deployment build() {
            for (Object[] required : new Object[][] {{name, "name"}, {id, "id"}, {state, "state"}, {sku, "sku"},
                    {model, "model"}}) {
                if (required[0] == null) {
                    throw new IllegalStateException(required[1] + " is required");
                }
            }
            return new Deployment(name, id, state, rawState == null ? state.name() : rawState, sku, capacity, model,
                    modelVersion, raiPolicyName, tags, createdAt, asyncOperation);
        }
    }
}
