package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.openai.protocol.BaseDialect;
import io.github.finetune4j.openai.protocol.Operation;
import io.github.finetune4j.openai.protocol.ProtocolUris;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAI's own dialect of the protocol: {@code Authorization: Bearer}, optional {@code OpenAI-Organization} and
 * {@code OpenAI-Project}, every operation under one base URL, every optional feature, jobs listed by metadata, and
 * OpenAI's price table. The end of new jobs applies to OpenAI's own API only: gateways and emulators that speak the
 * protocol under another base URL keep accepting jobs. Immutable.
 */
public final class OpenAiPlatformDialect extends BaseDialect {
    /** The provider id. */
    public static final String ID = "openai";
    /** The first day on which api.openai.com accepts no new self-serve fine-tuning jobs. */
    public static final LocalDate NEW_JOBS_END_ON = LocalDate.of(2027, 1, 6);
    /** What to use instead once {@link #NEW_JOBS_END_ON} has passed. */
    static final String AFTER_END_ADVICE = "OpenAI has ended self-serve fine-tuning; use Azure OpenAI "
            + "(provider \"azure-openai\") or another service that speaks the OpenAI protocol (baseUrl(...)).";
    private static final String OPENAI_HOST = "api.openai.com";

    private final OpenAiConfig config;
    private final String base;

    /**
     * Creates the dialect.
     *
     * @param config the resolved settings
     */
    public OpenAiPlatformDialect(OpenAiConfig config) {
        super(ID, "OpenAI", capabilities(config), EnumSet.allOf(Feature.class));
        this.config = config;
        this.base = config.baseUri().toString();
    }

    private static ProviderCapabilities capabilities(OpenAiConfig config) {
        ProviderCapabilities.Builder caps = ProviderCapabilities.builder(PriceTable.openAi())
                .supportsMetadataFilter(true);
        if (OPENAI_HOST.equalsIgnoreCase(Objects.requireNonNull(config, "config").baseUri().getHost())) {
            caps.newJobsEndOn(NEW_JOBS_END_ON, AFTER_END_ADVICE);
        }
        return caps.build();
    }

    @Override
    public URI uri(Operation operation, String path, Map<String, String> query) {
        return ProtocolUris.append(base, path, query);
    }

    @Override
    public void authenticate(HttpCall.Builder call) {
        call.header("Authorization", "Bearer " + config.apiKey().reveal());
        config.organization().ifPresent(org -> call.header("OpenAI-Organization", org));
        config.project().ifPresent(project -> call.header("OpenAI-Project", project));
    }

    @Override
    public String toString() {
        return "OpenAI[" + base + "]";
    }
}
