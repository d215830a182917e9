/**
 * finetune4j OpenAI provider: the OpenAI fine-tuning wire protocol behind the core's provider SPI.
 */
module io.github.finetune4j.openai {
    requires transitive io.github.finetune4j.core;

    exports io.github.finetune4j.openai;

    opens io.github.finetune4j.openai.internal to com.fasterxml.jackson.databind;

    provides io.github.finetune4j.core.spi.FineTuneProviderFactory with io.github.finetune4j.openai.OpenAiFineTuning;
}
