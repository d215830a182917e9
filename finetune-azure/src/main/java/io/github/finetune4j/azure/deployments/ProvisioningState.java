package io.github.finetune4j.azure.deployments;

import java.util.Locale;

/**
 * The ARM {@code properties.provisioningState} of a deployment. Constants may be added in minor releases: use a
 * {@code default} branch. The raw value is kept in {@link Deployment#rawState()}.
 */
public enum ProvisioningState {
    /** Accepted, not started. */
    ACCEPTED,
    /** Being created. */
    CREATING,
    /** Being deleted. */
    DELETING,
    /** Being moved. */
    MOVING,
    /** Ready: the deployment answers (after a short delay on the data plane). Terminal. */
    SUCCEEDED,
    /** Creation failed. Terminal. */
    FAILED,
    /** Creation was cancelled. Terminal. */
    CANCELED,
    /** Disabled. Terminal. */
    DISABLED,
    /** A value this SDK does not know; not terminal, so waiting goes on. */
    UNKNOWN;

    /**
     * Tells whether the state will not change by itself.
     *
     * @return true for SUCCEEDED, FAILED, CANCELED and DISABLED
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == DISABLED;
    }

    /**
     * Maps ARM's value, case-insensitively.
     *
     * @param raw the value, may be null
     * @return the state, {@link #UNKNOWN} for null or unknown values
     */
    public static ProvisioningState parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "accepted": return ACCEPTED;
            case "creating": return CREATING;
            case "deleting": return DELETING;
            case "moving": return MOVING;
            case "succeeded": return SUCCEEDED;
            case "failed": return FAILED;
            case "canceled": case "cancelled": return CANCELED;
            case "disabled": return DISABLED;
            default: return UNKNOWN;
        }
    }
}
