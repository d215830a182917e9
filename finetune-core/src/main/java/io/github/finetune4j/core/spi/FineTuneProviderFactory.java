package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.EnvironmentLookup;

/**
 * Creates a provider. Discovered with {@link java.util.ServiceLoader} for {@code FineTuneClient.fromEnv()}, or
 * passed explicitly to {@code FineTuneClient.builder().provider(...)}.
 */
public interface FineTuneProviderFactory {
    /**
     * The provider's stable, lower-case id.
     *
     * @return for example {@code openai} or {@code azure-openai}
     */
    String id();

    /**
     * Tells whether this provider's configuration is present (explicitly or in the environment).
     *
     * @param environment the environment to look in
     * @return true if {@link #create(ProviderContext)} would succeed
     */
    boolean isConfigured(EnvironmentLookup environment);

    /**
     * Creates the provider.
     *
     * @param context the transport, mapper, clock and environment to use
     * @return the provider
     * @throws IllegalStateException if the configuration is incomplete; the message names the setting and the
     *     environment variable that supplies it
     */
    FineTuneProvider create(ProviderContext context);
}
