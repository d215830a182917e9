package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.spi.ProviderCapabilities;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The declared facts every dialect has (id, name, capabilities, features), so that a dialect class holds only what
 * differs: routes, authentication, and the defaults of {@link OpenAiDialect} it overrides. Immutable.
 */
public abstract class BaseDialect implements OpenAiDialect {
    private final String providerId;
    private final String serviceName;
    private final ProviderCapabilities capabilities;
    private final Set<Feature> features;

    /**
     * Declares the facts.
     *
     * @param providerId the provider id, for example {@code azure-openai}
     * @param serviceName the name used in messages, for example {@code Azure OpenAI}
     * @param capabilities price table, metadata filter, end of new jobs
     * @param features the optional operations the endpoint has
     */
    protected BaseDialect(String providerId, String serviceName, ProviderCapabilities capabilities,
                          Set<Feature> features) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    @Override
    public final String providerId() {
        return providerId;
    }

    @Override
    public final String serviceName() {
        return serviceName;
    }

    @Override
    public final ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public final Set<Feature> features() {
        return features;
    }
}
