package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.ModelUnavailableException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.internal.poll.RecordingSleeper;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.ProviderOptions;
import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.ProviderEstimate;
import io.github.finetune4j.core.preflight.Tokenizer;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.PriceEstimates;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.StartCheck;
import io.github.finetune4j.core.model.JobSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hooks of {@code start} for open-model providers: the request's tokenizer and chat template reach the
 * pre-flight, the provider's price table says what a start counted with, the provider's own estimate is reported
 * between upload and create, the provider's start check runs before anything is uploaded, and options for another
 * provider are refused.
 */
class JobStarterHooksTest {
    private static final String LLAMA = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";

    private final List<String> steps = new ArrayList<>();
    private final HookedProvider provider = new HookedProvider();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final DefaultFineTuneClient client = new DefaultFineTuneClient(provider,
            new ClientConfig(EnvironmentLookup.empty(), RetryPolicy.defaults(), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5), WaitOptions.defaults(),
                    sleeper.clock(), false, Duration.ofDays(90)),
            null, sleeper, () -> 0.5);
    private final Recorder recorder = new Recorder();

    JobStarterHooksTest() {
        provider.capabilities = ProviderCapabilities.builder(PriceTable.together()).build();
    }

    private static FineTuneRequest.Builder llama() {
        return FineTuneRequest.builder().baseModel(LLAMA).trainingData(JobStarterTest.t1000(10)).suffix("t1000");
    }

    @Test
    void startCountsWithTheRequestsTokenizerAndSaysSo() {
        client.start(llama().tokenizer(new WordTokenizer()).build(), recorder);

        assertThat(recorder.report.tokens().tokenizer()).isEqualTo("test-words");
        assertThat(recorder.report.tokens().exact()).isTrue();
        assertThat(recorder.report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
        assertThat(recorder.report.count("approximate_token_counts")).isZero();
    }

    @Test
    void startWithoutATokenizerCountsWithTheProvidersDeclaredDefaultsAndSaysTheyAreApproximate() {
        client.start(llama().build(), recorder);

        assertThat(recorder.report.tokens().tokenizer()).isEqualTo("cl100k_base");
        assertThat(recorder.report.tokens().exact()).isFalse();
        assertThat(recorder.report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
        assertThat(recorder.report.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("approximate_token_counts");
            assertThat(w.message()).contains("meta-llama/Llama-3.1-8B-Instruct");
        });
        assertThat(recorder.report.toText()).contains("cl100k_base, approximate");
    }

    @Test
    void requestsChatTemplateWinsOverTheProvidersDefault() {
        client.start(llama().chatTemplate(ChatTemplate.CHATML).build(), recorder);

        assertThat(recorder.report.tokens().chatTemplate()).isEqualTo(ChatTemplate.CHATML);
    }

    @Test
    void providersEstimateIsReportedAfterTheUploadAndBeforeTheJobIsCreated() {
        provider.estimates = creation -> ProviderEstimate.builder("scripted").totalPriceUsd(new BigDecimal("0.0173"))
                .trainTokens(3_600).allowedToProceed(true).creditLimitUsd(new BigDecimal("100")).build();

        client.start(llama().build(), recorder);

        assertThat(steps).containsExactly("check", "upload", "estimate file-1", "create");
        assertThat(recorder.estimates).singleElement().satisfies(e -> assertThat(e.toText())
                .isEqualTo("scripted estimates $0.0173 (3,600 training tokens; within the credit limit of $100.00)"));
    }

    @Test
    void failingEstimateDoesNotStopTheStart() {
        provider.estimates = creation -> {
            throw new ServerException(new ApiErrorDetails("scripted", 503, null, null, null, "down", null, null));
        };

        client.start(llama().build(), recorder);

        assertThat(recorder.estimates).isEmpty();
        assertThat(provider.creations).hasSize(1);
    }

    @Test
    void providersStartCheckRefusesBeforeAnythingIsUploaded() {
        provider.check = request -> {
            throw new ModelUnavailableException("scripted", request.baseModel(), null, "not with this tier");
        };

        assertThatThrownBy(() -> client.start(llama().build(), recorder))
                .isInstanceOf(ModelUnavailableException.class).hasMessage("not with this tier");
        assertThat(provider.uploads).isEmpty();
        assertThat(recorder.report).as("no pre-flight either").isNull();
    }

    @Test
    void optionsForAnotherProviderAreRefusedBeforeAnythingIsUploaded() {
        assertThatThrownBy(() -> client.start(llama().providerOptions(new Options("together", "lora")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options for together").hasMessageContaining("provider is scripted");
        assertThat(provider.uploads).isEmpty();
    }

    @Test
    void providerOptionsReachTheCreationAndTheDerivedKey() {
        client.start(llama().providerOptions(new Options("scripted", "lora(r=8)")).build());
        client.start(llama().providerOptions(new Options("scripted", "lora(r=16)")).build());

        assertThat(provider.creations).hasSize(2);
        assertThat(provider.creations.get(0).providerOptions(Options.class)).map(Options::describe)
                .contains("lora(r=8)");
        assertThat(provider.creations.get(0).idempotencyKey()).isNotEqualTo(provider.creations.get(1)
                .idempotencyKey());
    }

    @Test
    void secretsOfProviderOptionsStayOutOfTheRequestsText() {
        FineTuneRequest request = llama().providerOptions(new Options("scripted", "hub=acme/t1000",
                ApiKey.of("hf_secret_token"))).build();

        assertThat(request.toString()).doesNotContain("hf_secret_token");
    }

    /** Options as a provider module would publish them. */
    record Options(String providerId, String describe, Optional<ApiKey> token) implements ProviderOptions {
        Options(String providerId, String describe) {
            this(providerId, describe, Optional.empty());
        }

        Options(String providerId, String describe, ApiKey token) {
            this(providerId, describe, Optional.of(token));
        }
    }

    /** A tokenizer implemented outside the library: one token per word. */
    private static final class WordTokenizer implements Tokenizer {
        @Override
        public String name() {
            return "test-words";
        }

        @Override
        public int countTokens(String text) {
            return text.isBlank() ? 0 : text.trim().split("\\s+").length;
        }

        @Override
        public List<String> specialTokens() {
            return List.of();
        }
    }

    private final class HookedProvider extends ScriptedProvider {
        Function<JobCreation, ProviderEstimate> estimates;
        java.util.function.Consumer<FineTuneRequest> check = request -> { };

        @Override
        public <T> Optional<T> feature(Class<T> type) {
            if (type == PriceEstimates.class && estimates != null) {
                PriceEstimates feature = creation -> {
                    steps.add("estimate " + creation.trainingFile().value());
                    return estimates.apply(creation);
                };
                return Optional.of(type.cast(feature));
            }
            if (type == StartCheck.class) {
                StartCheck feature = request -> {
                    steps.add("check");
                    check.accept(request);
                };
                return Optional.of(type.cast(feature));
            }
            return super.feature(type);
        }

        @Override
        public FileInfo uploadFile(FileUpload upload) {
            steps.add("upload");
            return super.uploadFile(upload);
        }

        @Override
        public JobSnapshot createJob(JobCreation creation) {
            steps.add("create");
            return super.createJob(creation);
        }
    }

    private static final class Recorder implements JobListener {
        ValidationReport report;
        final List<ProviderEstimate> estimates = new ArrayList<>();

        @Override
        public void onPreflight(ValidationReport r) {
            report = r;
        }

        @Override
        public void onProviderEstimate(ProviderEstimate estimate) {
            estimates.add(estimate);
        }
    }
}
