/**
 * finetune4j Azure OpenAI provider: the Azure dialect of the OpenAI protocol, Entra ID token credentials without
 * azure-identity ({@code azure.identity}), and deployments of fine-tuned models over Azure Resource Manager
 * ({@code azure.deployments}).
 */
module io.github.finetune4j.azure {
    requires transitive io.github.finetune4j.core;
    requires transitive io.github.finetune4j.openai;

    exports io.github.finetune4j.azure;
    exports io.github.finetune4j.azure.identity;
    exports io.github.finetune4j.azure.deployments;

    opens io.github.finetune4j.azure.deployments.internal to com.fasterxml.jackson.databind;

    provides io.github.finetune4j.core.spi.FineTuneProviderFactory
            with io.github.finetune4j.azure.AzureOpenAiFineTuning;
}
