package io.github.finetune4j.cli.run;

import io.github.finetune4j.core.preflight.PriceTable;

/** Which price table an estimate uses for a provider (the command line and the Maven plugin ask the same). */
public final class Pricing {
    private Pricing() {
    }

    /**
     * The price table of a provider.
     *
     * @param provider a provider id, {@code emulator} or {@code auto}
     * @return Azure OpenAI's for {@code azure...}; OpenAI's otherwise (the emulator plays OpenAI)
     */
    public static PriceTable forProvider(String provider) {
        return provider.startsWith("azure") ? PriceTable.azureOpenAi() : PriceTable.openAi();
    }
}
