package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;

import java.util.Objects;

/**
 * A provider factory for an endpoint that speaks the OpenAI protocol: a subclass resolves its settings into an
 * {@link OpenAiDialect} (and may add extensions); building the provider on the shared protocol is done here. Its
 * {@link #isConfigured} stays the subclass's: which environment variables configure it.
 */
public abstract class ProtocolProviderFactory implements FineTuneProviderFactory {
    private final String id;

    /**
     * Creates the factory.
     *
     * @param id the provider id, lower case
     */
    protected ProtocolProviderFactory(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    @Override
    public final String id() {
        return id;
    }

    /**
     * Creates the provider over the dialect this factory resolves. Does no I/O.
     *
     * @param context the transport, JSON mapper and environment to use
     * @return the provider
     * @throws IllegalStateException if a required setting is missing; the message names its environment variable
     * @throws IllegalArgumentException if a setting is not acceptable (for example plain http to another host)
     */
    @Override
    public final FineTuneProvider create(ProviderContext context) {
        Objects.requireNonNull(context, "context");
        OpenAiProtocol protocol = new OpenAiProtocol(dialect(context), context);
        ProtocolProvider.Builder provider = ProtocolProvider.builder(protocol);
        addExtensions(provider, protocol);
        return provider.build();
    }

    /**
     * Resolves the settings (explicit, else the context's environment, else defaults) into the dialect.
     *
     * @param context where environment variables are read, and the insecure-HTTP check
     * @return the dialect
     */
    protected abstract OpenAiDialect dialect(ProviderContext context);

    /**
     * Adds the provider-specific extensions that applications reach with {@code FineTuneClient.extension(type)}.
     * The default adds none.
     *
     * @param provider the provider being built
     * @param protocol the protocol bound to this factory's dialect, for the extensions to use
     */
    protected void addExtensions(ProtocolProvider.Builder provider, OpenAiProtocol protocol) {
    }
}
