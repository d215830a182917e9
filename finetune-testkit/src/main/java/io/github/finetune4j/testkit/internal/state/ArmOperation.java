package io.github.finetune4j.testkit.internal.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One asynchronous ARM operation on a deployment, as its {@code Azure-AsyncOperation} URL reports it:
 * {@code InProgress} until {@link #endsAt()}, then {@code Succeeded} or {@code Failed}.
 *
 * @param id the operation id
 * @param kind what it does
 * @param deploymentKey the lower-case deployment name it acts on
 * @param startedAt when it started
 * @param endsAt when it ends
 * @param failure why it fails, or null when it succeeds
 */
public record ArmOperation(String id, Kind kind, String deploymentKey, Instant startedAt, Instant endsAt,
                           DeploymentRecord.Failure failure) {

    /** What an operation does. */
    public enum Kind {
        /** PUT: creates or updates a deployment. */
        CREATE_OR_UPDATE,
        /** DELETE: deletes a deployment. */
        DELETE
    }
    public ArmOperation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deploymentKey, "deploymentKey");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }

    /**
     * Returns the status word at an instant.
     *
     * @param now the instant
     * @return {@code InProgress}, {@code Succeeded} or {@code Failed}
     */
    public String status(Instant now) {
        if (now.isBefore(endsAt)) {
            return "InProgress";
        }
        return failure == null ? "Succeeded" : "Failed";
    }
}
