package io.github.finetune4j.examples.gateway;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.openai.protocol.OpenAiDialect;
import io.github.finetune4j.openai.protocol.ProtocolProviderFactory;

import java.net.URI;
import java.util.EnumSet;

/**
 * A whole provider in one file: a company gateway ("ACME AI gateway") that forwards the OpenAI fine-tuning API under
 * its own base path and wants its key in an {@code x-acme-key} header. Everything else (wire format, pre-flight,
 * exactly-once start, awaiting, chat) is the shared protocol's. Discovered by {@code FineTuneClient.fromEnv()} through
 * {@code META-INF/services} when {@value #API_KEY_ENV} and {@value #BASE_URL_ENV} are set.
 */
public final class AcmeGatewayFineTuning extends ProtocolProviderFactory {
    /** The provider id. */
    public static final String ID = "acme-gateway";
    /** The key variable. */
    public static final String API_KEY_ENV = "ACME_API_KEY";
    /** The base URL variable, for example {@code https://ai.acme.example/acme/openai/v1}. */
    public static final String BASE_URL_ENV = "ACME_BASE_URL";

    /** Configured from the environment; used by {@link java.util.ServiceLoader}. */
    public AcmeGatewayFineTuning() {
        super(ID);
    }

    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        return environment.get(API_KEY_ENV).isPresent() && environment.get(BASE_URL_ENV).isPresent();
    }

    @Override
    protected OpenAiDialect dialect(ProviderContext context) {
        ApiKey key = context.environment().get(API_KEY_ENV).map(ApiKey::of)
                .orElseThrow(() -> new IllegalStateException("API key missing: set " + API_KEY_ENV));
        URI base = context.requireAllowed(URI.create(context.environment().get(BASE_URL_ENV)
                .orElseThrow(() -> new IllegalStateException("base URL missing: set " + BASE_URL_ENV))));
        return OpenAiDialect.builder(ID, base).serviceName("ACME AI gateway")
                .apiKeyHeader("x-acme-key", key)
                .features(EnumSet.of(OpenAiDialect.Feature.MODEL_CATALOG, OpenAiDialect.Feature.PAUSE_RESUME))
                .build();
    }
}
