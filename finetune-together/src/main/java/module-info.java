/**
 * finetune4j Together AI provider: fine-tuning open models on Together's {@code /fine-tunes} API, on the core
 * transport, poller and pager and the OpenAI protocol's response reading and chat mapping.
 */
module io.github.finetune4j.together {
    requires transitive io.github.finetune4j.core;
    requires io.github.finetune4j.openai;

    exports io.github.finetune4j.together;

    opens io.github.finetune4j.together.internal to com.fasterxml.jackson.databind;

    provides io.github.finetune4j.core.spi.FineTuneProviderFactory
            with io.github.finetune4j.together.TogetherAiFineTuning;
}
