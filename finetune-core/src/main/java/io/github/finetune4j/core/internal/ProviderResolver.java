package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the provider factory to use: by id, or the single one configured in the environment. */
public final class ProviderResolver {
    /** Environment variable that names the provider when several are configured. */
    public static final String PROVIDER_VARIABLE = "FINETUNE_PROVIDER";

    private ProviderResolver() {
    }

    /**
     * Resolves the factory.
     *
     * @param explicitId the id chosen in code, or null
     * @param environment the environment
     * @return the factory
     * @throws IllegalStateException if none or several match, naming what to set or add
     */
    public static FineTuneProviderFactory resolve(String explicitId, EnvironmentLookup environment) {
        List<FineTuneProviderFactory> all = discover();
        if (all.isEmpty()) {
            throw new IllegalStateException("no fine-tuning provider on the class path: add finetune-openai, "
                    + "finetune-azure or finetune-together to your dependencies");
        }
        String id = explicitId != null ? explicitId : environment.get(PROVIDER_VARIABLE).orElse(null);
        if (id != null) {
            for (FineTuneProviderFactory f : all) {
                if (f.id().equals(id)) {
                    return f;
                }
            }
            throw new IllegalStateException("no provider \"" + id + "\" on the class path (found: " + ids(all)
                    + "); add finetune-openai, finetune-azure or finetune-together to your dependencies");
        }
        List<FineTuneProviderFactory> configured = new ArrayList<>();
        for (FineTuneProviderFactory f : all) {
            if (f.isConfigured(environment)) {
                configured.add(f);
            }
        }
        if (configured.size() == 1) {
            return configured.get(0);
        }
        if (configured.isEmpty()) {
            throw new IllegalStateException("no provider configured: set OPENAI_API_KEY for OpenAI, "
                    + "AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY for Azure OpenAI, or TOGETHER_API_KEY for "
                    + "Together AI (providers found: " + ids(all) + ")");
        }
        throw new IllegalStateException("several providers are configured (" + ids(configured) + "): choose one with "
                + "FineTuneClient.builder().provider(\"" + configured.get(0).id() + "\") (or another of them) or set "
                + PROVIDER_VARIABLE);
    }

    private static List<FineTuneProviderFactory> discover() {
        List<FineTuneProviderFactory> result = new ArrayList<>();
        ServiceLoader.load(FineTuneProviderFactory.class, FineTuneProviderFactory.class.getClassLoader())
                .forEach(result::add);
        return result;
    }

    private static String ids(List<FineTuneProviderFactory> factories) {
        return factories.stream().map(FineTuneProviderFactory::id).collect(Collectors.joining(", "));
    }
}
