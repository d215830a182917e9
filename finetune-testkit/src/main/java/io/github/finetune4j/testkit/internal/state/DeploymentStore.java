package io.github.finetune4j.testkit.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ARM deployments of the one emulated account, by name (case-insensitive, as ARM names are), and the ARM
 * operations on them. Guarded by the {@link EmulatorState} lock.
 */
public final class DeploymentStore {


    private final Map<String, DeploymentRecord> deployments = new LinkedHashMap<>();
    private final Map<String, ArmOperation> operations = new LinkedHashMap<>();

    /**
     * Finds a deployment, including one being deleted.
     *
     * @param name the name, any case
     * @return the deployment, or empty
     */
    public Optional<DeploymentRecord> get(String name) {
        return Optional.ofNullable(deployments.get(key(name)));
    }

    /**
     * Returns all deployments, in order of creation.
     *
     * @return the deployments
     */
    public List<DeploymentRecord> all() {
        return new ArrayList<>(deployments.values());
    }

    /**
     * Creates a deployment, or updates an existing one; either way it provisions again.
     *
     * @param name the name
     * @param resourceId the ARM resource id to report for a new deployment
     * @param spec the definition
     * @param servedModel the model chat answers as, or null when the model could not be resolved
     * @param failure why provisioning fails, or null
     * @param now the current instant
     * @param duration how long provisioning takes
     * @param operationId the id of the new operation
     * @return the deployment
     */
    public DeploymentRecord createOrUpdate(String name, String resourceId, DeploymentRecord.Spec spec,
                                           String servedModel, DeploymentRecord.Failure failure, Instant now,
                                           Duration duration, String operationId) {
        DeploymentRecord record = deployments.computeIfAbsent(key(name),
                k -> new DeploymentRecord(name, resourceId, now));
        Instant ready = now.plus(duration);
        record.provision(spec, servedModel, failure, now, ready, operationId);
        operations.put(operationId, new ArmOperation(operationId, ArmOperation.Kind.CREATE_OR_UPDATE, key(name),
                now, ready, failure));
        return record;
    }

    /**
     * Starts deleting a deployment; it is gone after {@code duration}.
     *
     * @param record the deployment
     * @param now the current instant
     * @param duration how long the deletion takes
     * @param operationId the id of the new operation
     */
    public void delete(DeploymentRecord record, Instant now, Duration duration, String operationId) {
        Instant end = now.plus(duration);
        record.startDeletion(end, operationId);
        operations.put(operationId, new ArmOperation(operationId, ArmOperation.Kind.DELETE, key(record.name()),
                now, end, null));
    }

    /**
     * Finds an operation.
     *
     * @param id the operation id
     * @return the operation, or empty
     */
    public Optional<ArmOperation> operation(String id) {
        return Optional.ofNullable(operations.get(id));
    }

    /**
     * Tells whether a served model is used by a deployment that is not being deleted.
     *
     * @param model the model id
     * @return true when a deployment serves it
     */
    public boolean isDeployed(String model) {
        return deployments.values().stream().anyMatch(d -> !d.isDeleting() && model.equals(d.servedModel()));
    }

    /** Removes deployments whose deletion has ended. */
    void purge(Instant now) {
        deployments.values().removeIf(d -> d.isGone(now));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
