/**
 * Azure OpenAI fine-tuning: {@link io.github.finetune4j.azure.AzureOpenAiFineTuning} plugs an Azure OpenAI resource
 * into the core's {@code FineTuneClient} (v1 or dated route, {@code api-key} or Entra ID tokens), and
 * {@link io.github.finetune4j.azure.AzureOpenAi} is what only Azure has ({@code client.extension(AzureOpenAi.class)}).
 * Entra ID credentials are in {@code azure.identity}, deployments over Azure Resource Manager in
 * {@code azure.deployments}.
 *
 * <pre>{@code
 * try (FineTuneClient client = AzureOpenAiFineTuning.builder().endpoint(endpoint).apiKey(key).buildClient();
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
