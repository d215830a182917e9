/**
 * finetune4j OpenAI provider, and the OpenAI fine-tuning protocol shared by every provider whose endpoint speaks it
 * ({@code io.github.finetune4j.openai.protocol}, for provider modules).
 */
module io.github.finetune4j.openai {
    requires transitive io.github.finetune4j.core;

    exports io.github.finetune4j.openai;
    exports io.github.finetune4j.openai.protocol;

    opens io.github.finetune4j.openai.protocol to com.fasterxml.jackson.databind;

    provides io.github.finetune4j.core.spi.FineTuneProviderFactory with io.github.finetune4j.openai.OpenAiFineTuning;
}
