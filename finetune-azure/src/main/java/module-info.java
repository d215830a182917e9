/**
 * finetune4j Azure OpenAI provider: the Azure OpenAI fine-tuning wire protocol behind the core's provider SPI, Entra
 * ID token credentials without azure-identity, and deployments of fine-tuned models over Azure Resource Manager.
 */
module io.github.finetune4j.azure {
    requires transitive io.github.finetune4j.core;
    requires java.net.http;

    exports io.github.finetune4j.azure;

    opens io.github.finetune4j.azure.internal to com.fasterxml.jackson.databind;

    provides io.github.finetune4j.core.spi.FineTuneProviderFactory
            with io.github.finetune4j.azure.AzureOpenAiFineTuning;
}
