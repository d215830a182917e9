package io.github.finetune4j.azure.support;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;

/**
 * Stands in for the OpenAI provider on the test class path (registered in the test {@code META-INF/services}), so
 * that provider selection from the environment can be tested without depending on finetune-openai.
 */
public final class FakeOpenAiFactory implements FineTuneProviderFactory {
    @Override
    public String id() {
        return "openai";
    }

    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        return environment.get("OPENAI_API_KEY").isPresent();
    }

    @Override
    public FineTuneProvider create(ProviderContext context) {
        throw new UnsupportedOperationException("test stand-in for the OpenAI provider");
    }
}
