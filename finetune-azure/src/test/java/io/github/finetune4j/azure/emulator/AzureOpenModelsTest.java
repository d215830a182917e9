package io.github.finetune4j.azure.emulator;

import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.AzureTraining;
import io.github.finetune4j.azure.AzureTrainingTable;
import io.github.finetune4j.azure.AzureTrainingType;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.error.ModelUnavailableException;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.HuggingFaceTokenizer;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Azure AI Foundry's open models through our Azure provider, against the emulator's Azure catalog: the catalog says
 * which training types each allows, a job with an allowed one trains, one with another is refused before anything is
 * uploaded, and the pre-flight counts with the open model's tokenizer or says that its counts are approximate.
 */
class AzureOpenModelsTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private FineTuneClient client(AzureOpenAiFineTuning.Builder builder) {
        return Emulated.client(emulator, builder);
    }

    private static FineTuneRequest.Builder request(String baseModel) {
        return FineTuneRequest.builder().baseModel(baseModel).trainingData(Emulated.t1000()).suffix("t1000");
    }

    private boolean anythingUploaded() {
        return emulator.recordedRequests().stream()
                .anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/files"));
    }

    @Test
    void theCatalogListsTheOpenModelsWithTheTrainingTypesEachAllows() {
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder())) {
            Map<String, List<String>> trainingTypes = client.listModels().stream()
                    .collect(Collectors.toMap(ModelInfo::id, ModelInfo::trainingTypes));

            assertThat(trainingTypes).containsEntry("Ministral-3B", List.of("GlobalStandard"))
                    .containsEntry("Qwen-32B", List.of("GlobalStandard"))
                    .containsEntry("Llama-3.3-70B-Instruct", List.of("GlobalStandard", "DataZoneStandard"))
                    .containsEntry("gpt-oss-20b", List.of("GlobalStandard", "DataZoneStandard"))
                    .containsEntry("gpt-4o-mini-2024-07-18", List.of());
            ModelInfo llama = client.getModel("Llama-3.3-70B-Instruct");
            assertThat(llama.fineTunable()).contains(true);
            assertThat(llama.trainingTypes()).containsExactly("GlobalStandard", "DataZoneStandard");
        }
    }

    @Test
    void anOpenModelWithGlobalStandardStartsAndTrains() {
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder()
                .trainingType(AzureTrainingType.GLOBAL_STANDARD))) {
            JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> client.start(request("Ministral-3B").build()).awaitCompletion());

            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(done.baseModel()).isEqualTo("Ministral-3B");
            assertThat(done.fineTunedModel()).hasValueSatisfying(m -> assertThat(m).startsWith("Ministral-3B.ft-"));
        }
    }

    @Test
    void anOpenModelWithStandardIsRefusedBeforeUpload() {
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder())) {
            ModelUnavailableException refused = catchThrowableOfType(
                    () -> client.start(request("Ministral-3B").build()), ModelUnavailableException.class);

            assertThat(refused.model()).isEqualTo("Ministral-3B");
            assertThat(refused.provider()).contains("azure-openai");
            assertThat(refused).hasMessageContaining("Ministral-3B").hasMessageContaining("trainingType Standard")
                    .hasMessageContaining("allows GlobalStandard")
                    .hasMessageContaining("AzureTraining.of(AzureTrainingType.GLOBAL_STANDARD)");
            assertThat(anythingUploaded()).isFalse();
            assertThat(emulator.azure().fileIds()).isEmpty();
            assertThat(emulator.azure().jobIds()).isEmpty();
        }
    }

    @Test
    void aRequestChoosesItsOwnTierAndAGptModelKeepsTheClientDefault() {
        List<String> sent = new ArrayList<>();
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder())) {
            JobSnapshot qwen = client.start(request("Qwen-32B")
                    .providerOptions(AzureTraining.of(AzureTrainingType.GLOBAL_STANDARD)).build()).latest();
            JobSnapshot gpt = client.start(request("gpt-4o-mini-2024-07-18").build()).latest();

            assertThat(qwen.baseModel()).isEqualTo("Qwen-32B");
            assertThat(gpt.baseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
            sent.addAll(emulator.azure().jobIds());
        }
        assertThat(sent).hasSize(2);
    }

    @Test
    void theTierOfAnOpenModelIsComparedAsTheServiceSpellsIt() {
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder()
                .trainingType(AzureTrainingType.of("datazone")))) {
            JobSnapshot job = client.start(request("gpt-oss-20b").build()).latest();

            assertThat(job.baseModel()).isEqualTo("gpt-oss-20b");
        }
    }

    @Test
    void dpoOnAnOpenModelIsRefusedBeforeUpload() {
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder()
                .trainingType(AzureTrainingType.GLOBAL_STANDARD))) {
            IllegalArgumentException refused = catchThrowableOfType(() -> client.start(
                    request("Llama-3.3-70B-Instruct").method(FineTuneMethod.DPO).build()),
                    IllegalArgumentException.class);

            assertThat(refused).hasMessageContaining("Llama-3.3-70B-Instruct").hasMessageContaining("supervised only")
                    .hasMessageContaining("not dpo");
            assertThat(anythingUploaded()).isFalse();
        }
    }

    @Test
    void withoutTheTableTheServiceRefusesTheTierOnlyAfterTheUpload() {
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder()
                .trainingTable(AzureTrainingTable.none()))) {
            BadRequestException refused = catchThrowableOfType(
                    () -> client.start(request("Ministral-3B").build()), BadRequestException.class);

            assertThat(refused.errorCode()).contains("invalidPayload");
            assertThat(refused).hasMessageContaining("Standard TrainingType is not supported");
            assertThat(anythingUploaded()).isTrue();
            assertThat(emulator.azure().jobIds()).isEmpty();
        }
    }

    @Test
    void theSdkTableAgreesWithTheEmulatedResource() {
        Map<String, List<String>> table = AzureTrainingTable.foundry().rows().stream().collect(Collectors.toMap(
                AzureTrainingTable.Row::model, AzureTrainingTable.Row::trainingTypeNames));

        assertThat(table).isEqualTo(emulator.azure().openModels());
    }

    @Test
    void thePreflightOfAnOpenModelWithoutItsTokenizerSaysItsCountsAreApproximate() {
        ValidationReport report = preflightOfAGlobalStandardStart(request("Llama-3.3-70B-Instruct"));

        assertThat(report.tokens().exact()).isFalse();
        assertThat(report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
        assertThat(report.warnings()).filteredOn(i -> i.code().equals("approximate_token_counts")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("Llama-3.3-70B-Instruct", "HuggingFaceTokenizer"));
    }

    @Test
    void thePreflightOfAnOpenModelCountsWithTheTokenizerPassed() throws Exception {
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.fromFile(ByteTokenizerFile.write(dir));
        ValidationReport report = preflightOfAGlobalStandardStart(request("Llama-3.3-70B-Instruct")
                .tokenizer(tokenizer));

        long assistantBytes = Emulated.t1000().examples()
                .mapToLong(e -> e.messages().get(e.messages().size() - 1).content().orElseThrow()
                        .getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(report.tokens().exact()).isTrue();
        assertThat(report.tokens().tokenizer()).endsWith("tokenizer.json");
        assertThat(report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
        assertThat(report.tokens().assistantPerExample().sum()).as("one token per byte").isEqualTo(assistantBytes);
        assertThat(report.issueCounts()).doesNotContainKey("approximate_token_counts");
    }

    @Test
    void thePreflightOfGptOssCountsExactlyInTheHarmonyFormat() {
        ValidationReport report = preflightOfAGlobalStandardStart(request("gpt-oss-20b"));

        assertThat(report.tokens().exact()).isTrue();
        assertThat(report.tokens().chatTemplate()).isEqualTo(ChatTemplate.HARMONY);
        assertThat(report.issueCounts()).doesNotContainKey("approximate_token_counts");
    }

    /** Starts the request with GlobalStandard and returns the pre-flight report the listener received. */
    private ValidationReport preflightOfAGlobalStandardStart(FineTuneRequest.Builder request) {
        List<ValidationReport> reports = new ArrayList<>();
        try (FineTuneClient client = client(AzureOpenAiFineTuning.builder()
                .trainingType(AzureTrainingType.GLOBAL_STANDARD))) {
            client.start(request.build(), new JobListener() {
                @Override
                public void onPreflight(ValidationReport report) {
                    reports.add(report);
                }
            });
        }
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }
}
