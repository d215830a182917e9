package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.ModelUnavailableException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.model.LifecycleWarning;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleGuardTest {
    private static final String MODEL = "gpt-4o-mini-2024-07-18";
    private final ScriptedProvider provider = new ScriptedProvider();

    private LifecycleGuard guardOn(String day) {
        Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
        return new LifecycleGuard(provider, clock, Duration.ofDays(90));
    }

    @Test
    void providerClosedToNewJobsIsRefusedNamingDateAndAlternative() {
        provider.capabilities = ProviderCapabilities.builder(PriceTable.openAi()).supportsMetadataFilter(true)
                .newJobsEndOn(LocalDate.parse("2027-01-06"), "Fine-tune on Azure OpenAI with finetune-azure.").build();

        assertThatThrownBy(() -> guardOn("2027-01-06").check(MODEL))
                .isInstanceOfSatisfying(ModelUnavailableException.class,
                        e -> assertThat(e.since()).contains(LocalDate.parse("2027-01-06")))
                .hasMessageContaining("2027-01-06").hasMessageContaining("Azure OpenAI");
    }

    @Test
    void providerEndWithinHorizonIsWarned() {
        provider.capabilities = ProviderCapabilities.builder(PriceTable.openAi()).supportsMetadataFilter(true)
                .newJobsEndOn(LocalDate.parse("2027-01-06"), "Use Azure OpenAI.").build();

        List<LifecycleWarning> warnings = guardOn("2026-11-22").check(MODEL);

        assertThat(warnings).extracting(LifecycleWarning::kind).contains(LifecycleWarning.Kind.PROVIDER_JOBS_END);
    }

    @Test
    void modelMarkedNotFineTunableIsRefused() {
        provider.models.put(MODEL, ModelInfo.of(MODEL).withFineTunable(false));

        assertThatThrownBy(() -> guardOn("2026-11-22").check(MODEL)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("cannot fine-tune " + MODEL);
    }

    @Test
    void passedFineTuneDeprecationIsRefused() {
        provider.models.put(MODEL, ModelInfo.of(MODEL).withDeprecations(LocalDate.parse("2026-10-14"), null));

        assertThatThrownBy(() -> guardOn("2026-11-22").check(MODEL)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("2026-10-14");
    }

    @Test
    void deprecationsWithinHorizonAreWarnedAndLaterOnesAreNot() {
        provider.models.put(MODEL, ModelInfo.of(MODEL).withFineTunable(true)
                .withDeprecations(LocalDate.parse("2027-01-10"), LocalDate.parse("2028-01-10")));

        List<LifecycleWarning> warnings = guardOn("2026-11-22").check(MODEL);

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(LifecycleWarning.Kind.FINE_TUNE_DEPRECATION);
            assertThat(w.date()).isEqualTo(LocalDate.parse("2027-01-10"));
        });
    }

    @Test
    void shutdownDateWithinHorizonIsWarned() {
        provider.models.put(MODEL, new ModelInfo(MODEL, Optional.of("system"), Optional.of(LocalDate.parse("2027-01-14"))));

        assertThat(guardOn("2026-11-22").check(MODEL)).extracting(LifecycleWarning::kind)
                .containsExactly(LifecycleWarning.Kind.INFERENCE_DEPRECATION);
    }

    @Test
    void unknownModelIsRefused() {
        provider.modelError = new NotFoundException(new ApiErrorDetails("scripted", 404, "model_not_found", null, null,
                "The model does not exist", null, null));

        assertThatThrownBy(() -> guardOn("2026-11-22").check("gpt-9")).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("gpt-9");
    }

    @Test
    void catalogOutageDoesNotBlockTheStart() {
        provider.modelError = new ServerException(new ApiErrorDetails("scripted", 503, null, null, null, "down", null, null));

        assertThat(guardOn("2026-11-22").check(MODEL)).isEmpty();
    }
}
