/**
 * Deployments of fine-tuned models over Azure Resource Manager: {@link io.github.finetune4j.azure.deployments.AzureDeployments}
 * creates, waits for (the core poller's rules), lists and deletes them. Standard and Global Standard deployments
 * bill an hourly hosting fee while they exist.
 */
package io.github.finetune4j.azure.deployments;
