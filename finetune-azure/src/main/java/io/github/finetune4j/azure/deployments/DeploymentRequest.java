package io.github.finetune4j.azure.deployments;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to deploy: the ARM body {@code {sku:{name,capacity}, properties:{model:{format,name,version},
 * raiPolicyName}, tags}}. The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * <pre>{@code
 * DeploymentRequest.builder().name("t1000").fineTunedModel(done)
 *         .sku(DeploymentSku.STANDARD).capacity(1).build();
 * }</pre>
 *
 * @param name the deployment name; becomes the model name for inference
 * @param model the model to deploy: a fine-tuned model id or a checkpoint id
 * @param sku the deployment type; see {@link DeploymentSku} for costs
 * @param capacity the SKU capacity (Standard and Global Standard: units of 1,000 tokens per minute)
 * @param modelFormat the model format, {@value #OPENAI_FORMAT} for Azure OpenAI models
 * @param modelVersion the model version, {@value #FINE_TUNED_VERSION} for fine-tuned models
 * @param raiPolicyName the content filter policy; empty for the resource's default
 * @param tags ARM tags
 */
public record DeploymentRequest(String name, String model, DeploymentSku sku, int capacity, String modelFormat,
                                String modelVersion, Optional<String> raiPolicyName, Map<String, String> tags) {
    /** The model format of Azure OpenAI models, {@value}. */
    public static final String OPENAI_FORMAT = "OpenAI";
    /** The version of every fine-tuned model, {@value}. */
    public static final String FINE_TUNED_VERSION = "1";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /**
     * Validates the components.
     *
     * @param name the deployment name; becomes the model name for inference
     * @param model the model to deploy: a fine-tuned model id or a checkpoint id
     * @param sku the deployment type; see {@link DeploymentSku} for costs
     * @param capacity the SKU capacity (Standard and Global Standard: units of 1,000 tokens per minute)
     * @param modelFormat the model format, {@value #OPENAI_FORMAT} for Azure OpenAI models
     * @param modelVersion the model version, {@value #FINE_TUNED_VERSION} for fine-tuned models
     * @param raiPolicyName the content filter policy; empty for the resource's default
     * @param tags ARM tags
     */
    public DeploymentRequest {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("deployment name must be 1 to 64 of [A-Za-z0-9._-]: " + name);
        }
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sku, "sku");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        Objects.requireNonNull(modelFormat, "modelFormat");
        Objects.requireNonNull(modelVersion, "modelVersion");
        raiPolicyName = raiPolicyName == null ? Optional.empty() : raiPolicyName;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /**
     * Starts a builder: SKU {@link DeploymentSku#STANDARD}, capacity 1, format {@value #OPENAI_FORMAT}, version
     * {@value #FINE_TUNED_VERSION}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).model(model).sku(sku).capacity(capacity).modelFormat(modelFormat)
                .modelVersion(modelVersion).tags(tags);
        b.raiPolicyName = raiPolicyName;
        return b;
    }

    /** Builds a {@link DeploymentRequest}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String model;
        private DeploymentSku sku = DeploymentSku.STANDARD;
        private int capacity = 1;
        private String modelFormat = OPENAI_FORMAT;
        private String modelVersion = FINE_TUNED_VERSION;
        private Optional<String> raiPolicyName = Optional.empty();
        private final Map<String, String> tags = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets the deployment name; inference uses it as the model.
         *
         * @param name 1 to 64 of {@code [A-Za-z0-9._-]}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Deploys a model by name: a fine-tuned model id ({@code <base>.ft-<id>}) or a checkpoint id
         * ({@code ftchkpt-<id>}).
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Deploys the model a succeeded job produced.
         *
         * @param succeeded the finished job
         * @return this builder
         * @throws IllegalArgumentException if the job has no fine-tuned model
         */
        public Builder fineTunedModel(JobSnapshot succeeded) {
            Objects.requireNonNull(succeeded, "succeeded");
            return model(succeeded.fineTunedModel().orElseThrow(() -> new IllegalArgumentException("job "
                    + succeeded.id() + " has no fine-tuned model (status " + succeeded.rawStatus() + ")")));
        }

        /**
         * Deploys a checkpoint (Azure keeps the three most recent ones deployable) by its id.
         *
         * @param checkpoint the checkpoint
         * @return this builder
         */
        public Builder checkpoint(Checkpoint checkpoint) {
            return model(Objects.requireNonNull(checkpoint, "checkpoint").id());
        }

        /**
         * Sets the deployment type. Default {@link DeploymentSku#STANDARD}, which bills an hourly hosting fee.
         *
         * @param sku the type
         * @return this builder
         */
        public Builder sku(DeploymentSku sku) {
            this.sku = Objects.requireNonNull(sku, "sku");
            return this;
        }

        /**
         * Sets the SKU capacity. Default 1.
         *
         * @param capacity positive; Standard: units of 1,000 tokens per minute
         * @return this builder
         */
        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets the modelFormat.
         *
         * @param modelFormat the model format; default {@value DeploymentRequest#OPENAI_FORMAT}
         * @return this builder
         */
        public Builder modelFormat(String modelFormat) {
            this.modelFormat = Objects.requireNonNull(modelFormat, "modelFormat");
            return this;
        }

        /**
         * Sets the modelVersion.
         *
         * @param modelVersion the model version; default {@value DeploymentRequest#FINE_TUNED_VERSION}
         * @return this builder
         */
        public Builder modelVersion(String modelVersion) {
            this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
            return this;
        }

        /**
         * Sets the raiPolicyName.
         *
         * @param raiPolicyName the content filter policy; default: the resource's
         * @return this builder
         */
        public Builder raiPolicyName(String raiPolicyName) {
            this.raiPolicyName = Optional.of(Objects.requireNonNull(raiPolicyName, "raiPolicyName"));
            return this;
        }

        /**
         * Sets the tags.
         *
         * @param tags ARM tags, replacing earlier ones
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(tags);
            return this;
        }

        /**
         * Adds an ARM tag.
         *
         * @param key the tag name
         * @param value the tag value
         * @return this builder
         */
        public Builder putTag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if the name or the model is missing
         * @throws IllegalArgumentException if a value is out of range
         */
        public DeploymentRequest build() {
            if (name == null) {
                throw new IllegalStateException("name is required");
            }
            if (model == null) {
                throw new IllegalStateException("model is required: call model(...), fineTunedModel(...) or "
                        + "checkpoint(...)");
            }
            return new DeploymentRequest(name, model, sku, capacity, modelFormat, modelVersion, raiPolicyName, tags);
        }
    }
}
