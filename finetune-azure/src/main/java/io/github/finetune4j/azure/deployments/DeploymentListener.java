package io.github.finetune4j.azure.deployments;

import io.github.finetune4j.core.error.FineTuneException;

import java.time.Duration;

/**
 * Progress callbacks while a deployment is provisioned. Every method has an empty default. Callbacks run on the
 * waiting thread; they must be fast and should not throw (a listener that throws is logged at WARNING and waiting
 * goes on).
 */
public interface DeploymentListener {
    /**
     * Called once when waiting starts, with what the deployment costs while it exists: Standard and Global Standard
     * bill an hourly hosting fee from creation even when idle, and Azure deletes them after 15 days without
     * inference; Developer deployments are deleted after 24 hours. Delete deployments you no longer use.
     *
     * @param deployment the deployment being provisioned
     * @param notice the cost notice, for a person
     */
    default void onCostNotice(Deployment deployment, String notice) {
    }

    /**
     * The provisioning state changed.
     *
     * @param previous the state before
     * @param current the state now
     */
    default void onStateChanged(Deployment previous, Deployment current) {
    }

    /**
     * A poll failed after the HTTP layer's own retries; waiting goes on.
     *
     * @param consecutiveFailures failures in a row, starting at 1
     * @param error the failure
     * @param nextPollIn the delay the server asked for before the next poll, or zero
     */
    default void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
    }
}
