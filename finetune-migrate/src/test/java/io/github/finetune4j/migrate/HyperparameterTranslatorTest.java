package io.github.finetune4j.migrate;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HyperparameterTranslator}: which resolved hyperparameters the new job keeps. */
class HyperparameterTranslatorTest {
    private static final Map<String, String> RESOLVED = new LinkedHashMap<>(Map.of("epochs", "3", "batch_size", "8",
            "learning_rate_multiplier", "1.8"));

    @Test
    void sameBaseModelKeepsEverythingAsResolved() {
        HyperparameterTranslator.Translation t = HyperparameterTranslator.translate(HyperparameterPolicy.AUTO,
                RESOLVED, true);

        assertThat(t.policy()).isEqualTo(HyperparameterPolicy.AS_RESOLVED);
        assertThat(t.values()).isEqualTo(RESOLVED);
    }

    @Test
    void anotherBaseModelKeepsOnlyTheEpochs() {
        HyperparameterTranslator.Translation t = HyperparameterTranslator.translate(HyperparameterPolicy.AUTO,
                RESOLVED, false);

        assertThat(t.policy()).isEqualTo(HyperparameterPolicy.EPOCHS_ONLY);
        assertThat(t.values()).containsExactly(Map.entry("epochs", "3"));
    }

    @Test
    void dpoKeepsItsBetaWithTheEpochs() {
        Map<String, String> dpo = new LinkedHashMap<>(RESOLVED);
        dpo.put("beta", "0.1");

        assertThat(HyperparameterTranslator.translate(HyperparameterPolicy.EPOCHS_ONLY, dpo, true).values())
                .containsOnlyKeys("epochs", "beta");
    }

    @Test
    void providerDefaultsSendNothingAndAutoValuesAreLeftOut() {
        assertThat(HyperparameterTranslator.translate(HyperparameterPolicy.PROVIDER_DEFAULTS, RESOLVED, true)
                .values()).isEmpty();
        assertThat(HyperparameterTranslator.translate(HyperparameterPolicy.AS_RESOLVED,
                Map.of("epochs", "auto"), true).values()).isEmpty();
    }
}
