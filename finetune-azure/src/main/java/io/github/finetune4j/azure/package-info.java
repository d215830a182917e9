/**
 * Azure OpenAI fine-tuning: {@link io.github.finetune4j.azure.AzureOpenAiFineTuning} plugs an Azure OpenAI resource
 * into the core's {@code FineTuneClient} (v1 or dated route, {@code api-key} or Entra ID tokens);
 * {@link io.github.finetune4j.azure.AzureDeployments} deploys fine-tuned models over Azure Resource Manager (mind the
 * hourly hosting fee); {@link io.github.finetune4j.azure.TokenCredential} and its built-in implementations get Entra
 * ID tokens without azure-identity.
 *
 * <pre>{@code
 * try (AzureOpenAiClient client = AzureOpenAiFineTuning.builder().endpoint(endpoint).apiKey(key).buildClient();
 *      AzureDeployments deployments = AzureDeployments.builder().subscriptionId(sub).resourceGroup(rg)
 *              .accountName(account).credential(ClientSecretCredential.fromEnvironment()).build()) {
 *     JobSnapshot done = FineTuneJob.start(client, request).awaitCompletion(waitOptions);
 *     Deployment deployment = deployments.deploy(DeploymentRequest.builder().name("t1000").fineTunedModel(done)
 *             .build(), DeploymentWaitOptions.defaults());
 *     String answer = deployments.model(client, deployment)
 *             .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
 *     deployments.delete(deployment.name());
 * }
 * }</pre>
 */
package io.github.finetune4j.azure;
