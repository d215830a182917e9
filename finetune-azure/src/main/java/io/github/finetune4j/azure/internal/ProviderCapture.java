package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;

import java.util.Objects;
import java.util.function.Function;

/**
 * A factory that builds the provider with a given function and remembers it, so that a client builder can hand
 * both the core client and its provider to the Azure client. One instance per client build; not shared.
 */
public final class ProviderCapture implements FineTuneProviderFactory {
    private final FineTuneProviderFactory delegate;
    private final Function<ProviderContext, AzureOpenAiProvider> create;
    private volatile AzureOpenAiProvider created;

    /**
     * Creates the capture.
     *
     * @param delegate the real factory (id and configuration check)
     * @param create builds the provider from the context
     */
    public ProviderCapture(FineTuneProviderFactory delegate, Function<ProviderContext, AzureOpenAiProvider> create) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.create = Objects.requireNonNull(create, "create");
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        return delegate.isConfigured(environment);
    }

    @Override
    public FineTuneProvider create(ProviderContext context) {
        AzureOpenAiProvider provider = create.apply(context);
        created = provider;
        return provider;
    }

    /**
     * The provider built by {@link #create(ProviderContext)}.
     *
     * @return the provider
     * @throws IllegalStateException if none was built yet
     */
    public AzureOpenAiProvider created() {
        AzureOpenAiProvider provider = created;
        if (provider == null) {
            throw new IllegalStateException("the client builder did not create the provider");
        }
        return provider;
    }
}
