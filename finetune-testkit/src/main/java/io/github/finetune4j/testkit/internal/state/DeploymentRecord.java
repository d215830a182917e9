package io.github.finetune4j.testkit.internal.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One ARM deployment ({@code Microsoft.CognitiveServices/accounts/deployments}) and its provisioning timeline:
 * {@code Creating} until {@link #readyAt()}, then {@code Succeeded} (or {@code Failed} when the model could not be
 * resolved), {@code Deleting} after a DELETE until the deletion ends, then gone. Guarded by the
 * {@link EmulatorState} lock.
 */
public final class DeploymentRecord {

    /**
     * What the deployment is, as sent with the PUT.
     *
     * @param skuName the SKU, e.g. {@code Standard}
     * @param capacity the SKU capacity, at least 1
     * @param modelFormat the model format, {@code OpenAI}
     * @param modelName the model name as sent
     * @param modelVersion the model version, {@code 1} for fine-tuned models
     * @param raiPolicyName the content filter policy
     * @param versionUpgradeOption the version upgrade option
     * @param tags the resource tags, or null
     */
    public record Spec(String skuName, int capacity, String modelFormat, String modelName, String modelVersion,
                       String raiPolicyName, String versionUpgradeOption, Map<String, String> tags) {
        public Spec {
            Objects.requireNonNull(skuName, "skuName");
            Objects.requireNonNull(modelFormat, "modelFormat");
            Objects.requireNonNull(modelName, "modelName");
            tags = tags == null ? null : Map.copyOf(tags);
        }
    }

    /**
     * Why provisioning failed.
     *
     * @param code the ARM error code
     * @param message the message
     */
    public record Failure(String code, String message) {
    }

    private final String name;
    private final String resourceId;
    private final Instant createdAt;
    private Spec spec;
    private String servedModel;
    private Failure failure;
    private Instant modifiedAt;
    private Instant readyAt;
    private Instant deletionEndsAt;
    private String operationId;

    DeploymentRecord(String name, String resourceId, Instant createdAt) {
        this.name = Objects.requireNonNull(name, "name");
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the deployment name as first created */
    public String name() {
        return name;
    }

    /** @return the ARM resource id, {@code /subscriptions/…/deployments/<name>} */
    public String resourceId() {
        return resourceId;
    }

    /** @return when it was first created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was last created or updated */
    public Instant modifiedAt() {
        return modifiedAt;
    }

    /** @return the current definition */
    public Spec spec() {
        return spec;
    }

    /** @return the model id chat answers as (fine-tuned model, checkpoint or base model), or null when failed */
    public String servedModel() {
        return servedModel;
    }

    /** @return why provisioning failed, or null */
    public Failure failure() {
        return failure;
    }

    /** @return when provisioning ends */
    public Instant readyAt() {
        return readyAt;
    }

    /** @return the id of the latest ARM operation on it */
    public String operationId() {
        return operationId;
    }

    /**
     * Returns the ARM {@code provisioningState} at an instant.
     *
     * @param now the instant
     * @return {@code Creating}, {@code Succeeded}, {@code Failed} or {@code Deleting}
     */
    public String provisioningState(Instant now) {
        if (deletionEndsAt != null) {
            return "Deleting";
        }
        if (now.isBefore(readyAt)) {
            return "Creating";
        }
        return failure == null ? "Succeeded" : "Failed";
    }

    /**
     * Tells whether the data plane serves chat through this deployment.
     *
     * @param now the instant
     * @return true once provisioning succeeded, until a deletion starts
     */
    public boolean isServing(Instant now) {
        return "Succeeded".equals(provisioningState(now));
    }

    /** @return whether a deletion has started */
    public boolean isDeleting() {
        return deletionEndsAt != null;
    }

    void provision(Spec newSpec, String model, Failure error, Instant now, Instant ready, String operation) {
        this.spec = Objects.requireNonNull(newSpec, "newSpec");
        this.servedModel = model;
        this.failure = error;
        this.modifiedAt = now;
        this.readyAt = ready;
        this.operationId = operation;
    }

    void startDeletion(Instant endsAt, String operation) {
        this.deletionEndsAt = endsAt;
        this.operationId = operation;
    }

    boolean isGone(Instant now) {
        return deletionEndsAt != null && !now.isBefore(deletionEndsAt);
    }
}
