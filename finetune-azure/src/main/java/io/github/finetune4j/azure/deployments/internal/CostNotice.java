package io.github.finetune4j.azure.deployments.internal;

import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentSku;

/** What a deployment costs while it exists, as a sentence for a person. */
final class CostNotice {
    private CostNotice() {
    }

    static String of(Deployment d) {
        String head = "Deployment " + d.name() + " (" + d.sku().name() + ") ";
        if (d.sku().hasHourlyHostingFee()) {
            return head + "bills an hourly hosting fee (about USD 1.70 per hour for a fine-tuned model at the time "
                    + "of writing) from creation, even when idle, plus tokens; Azure deletes it after 15 days without "
                    + "inference. Delete it when you are done: AzureDeployments.delete(\"" + d.name() + "\").";
        }
        if (d.sku().name().equalsIgnoreCase(DeploymentSku.DEVELOPER.name())) {
            return head + "has no hosting fee (tokens only, no SLA); Azure deletes it 24 hours after creation.";
        }
        if (d.sku().name().toLowerCase(java.util.Locale.ROOT).contains("provisioned")) {
            return head + "bills reserved throughput (PTU hours) while it exists. Delete it when you are done.";
        }
        return head + "may bill while it exists; check the pricing of this deployment type and delete it when you "
                + "are done.";
    }
}
