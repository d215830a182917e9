package io.github.finetune4j.azure.deployments;

import java.util.Objects;

/**
 * The deployment type, sent as the ARM {@code sku.name}. Any name is accepted ({@link #of(String)}), because ARM
 * adds types and the service compares names case-insensitively.
 *
 * <p><b>Costs.</b> Standard and Global Standard deployments of fine-tuned models bill an hourly hosting fee (about
 * USD 1.70 per hour at the time of writing) from creation, whether used or not, plus tokens; an idle one (no
 * inference for 15 days) is deleted by Azure. Developer deployments have no hosting fee and are deleted after
 * 24 hours. Provisioned deployments bill PTU hours.
 *
 * @param name the ARM SKU name
 */
public record DeploymentSku(String name) {
    /** {@code Standard}: regional; hourly hosting fee; deleted after 15 idle days. */
    public static final DeploymentSku STANDARD = new DeploymentSku("Standard");
    /** {@code GlobalStandard}: any region; hourly hosting fee; deleted after 15 idle days. */
    public static final DeploymentSku GLOBAL_STANDARD = new DeploymentSku("GlobalStandard");
    /** {@code DeveloperTier}: no hosting fee, no SLA, deleted after 24 hours. For evaluation. */
    public static final DeploymentSku DEVELOPER = new DeploymentSku("DeveloperTier");
    /** {@code ProvisionedManaged}: reserved throughput, billed in PTU hours. */
    public static final DeploymentSku PROVISIONED_MANAGED = new DeploymentSku("ProvisionedManaged");
    /**
     * Validates the components.
     *
     * @param name the ARM SKU name
     */
    public DeploymentSku {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("SKU name must not be blank");
        }
    }

    /**
     * A SKU by name, for types this SDK does not name.
     *
     * @param name the ARM SKU name
     * @return the SKU
     * @throws IllegalArgumentException if it is blank
     */
    public static DeploymentSku of(String name) {
        return new DeploymentSku(name);
    }

    /**
     * Tells whether this type bills an hourly hosting fee and is deleted after 15 idle days (Standard, Global
     * Standard; compared case-insensitively).
     *
     * @return true for hosted pay-per-hour types
     */
    public boolean hasHourlyHostingFee() {
        return name.equalsIgnoreCase(STANDARD.name) || name.equalsIgnoreCase(GLOBAL_STANDARD.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
