package io.github.finetune4j.core.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Open models: exact counts with their tokenizer.json, honest approximations without, the right chat template. */
class OpenModelsTest {
    private static HuggingFaceTokenizer qwen;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        qwen = HuggingFaceTokenizer.fromFile(Path.of(OpenModelsTest.class.getResource(
                "/tokenizers/qwen3/tokenizer.json").toURI()));
    }

    private static Path toy() throws Exception {
        return Path.of(OpenModelsTest.class.getResource("/testdata/toy_chat_fine_tuning.jsonl").toURI());
    }

    @Test
    void qwenWithItsTokenizerCountsTheGoldenContentPlusTheQwen3TemplatesOverhead() throws Exception {
        long overhead = 0;
        long assistant = 0;
        for (String line : Files.readAllLines(toy(), StandardCharsets.UTF_8)) {
            // Qwen3's template opens the final answer with "<think>\n\n</think>\n\n": 2 added tokens, 2 blank lines
            overhead += 2 + 2 * qwen.countTokens("\n\n");
            for (JsonNode m : new ObjectMapper().readTree(line).get("messages")) {
                String role = m.get("role").textValue();
                overhead += 2 + qwen.countTokens(role + "\n") + qwen.countTokens("\n");
                if (role.equals("assistant")) {
                    assistant += qwen.countTokens(m.get("content").textValue());
                }
            }
        }

        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder()
                .baseModel("Qwen/Qwen3-8B").tokenizer(qwen).build());

        TokenStatistics t = report.tokens();
        assertThat(t.perExample().sum()).as("golden 8151 content tokens plus the template").isEqualTo(8151 + overhead);
        assertThat(t.assistantPerExample().sum()).isEqualTo(assistant);
        assertThat(t.exact()).isTrue();
        assertThat(t.encoding()).isEmpty();
        assertThat(t.tokenizer()).endsWith("tokenizer.json");
        assertThat(t.chatTemplate()).isEqualTo(ChatTemplate.QWEN3);
        assertThat(report.issueCounts()).doesNotContainKey("approximate_token_counts");
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource({
        "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference, LLAMA_3, cl100k_base",
        "Llama-3.3-70B-Instruct, LLAMA_3, cl100k_base",
        "Qwen/Qwen3-8B, QWEN3, cl100k_base",
        "Qwen/Qwen2.5-7B-Instruct, CHATML, cl100k_base",
        "mistralai/Mistral-Nemo-Instruct-2407, MISTRAL, cl100k_base"})
    void anOpenModelWithoutItsTokenizerIsCountedApproximatelyAndSaysWithWhat(String model, ChatTemplate template,
                                                                            String encoding) throws Exception {
        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder().baseModel(model)
                .build());

        assertThat(report.tokens().exact()).isFalse();
        assertThat(report.tokens().tokenizer()).isEqualTo(encoding);
        assertThat(report.tokens().chatTemplate()).isEqualTo(template);
        assertThat(report.warnings()).filteredOn(i -> i.code().equals("approximate_token_counts")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains(model, "counted with " + encoding,
                        "HuggingFaceTokenizer.fromHub"));
        assertThat(report.toText()).contains(encoding + ", approximate");
    }

    @Test
    void gptOssIsCountedExactlyWithO200kAndTheHarmonyFormat() throws Exception {
        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder()
                .baseModel("openai/gpt-oss-20b").build());

        assertThat(report.tokens().exact()).isTrue();
        assertThat(report.tokens().encoding()).hasValue(TokenEncoding.O200K_BASE);
        assertThat(report.tokens().chatTemplate()).isEqualTo(ChatTemplate.HARMONY);
        assertThat(report.issueCounts()).doesNotContainKey("approximate_token_counts");
    }

    @Test
    void aTokenizerWithoutTheTemplatesMarkersIsAnotherModelsAndItsCountsAreNotCalledExact() throws Exception {
        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder()
                .baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference").tokenizer(qwen).build());

        assertThat(report.tokens().exact()).isFalse();
        assertThat(report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
        assertThat(report.warnings()).filteredOn(i -> i.code().equals("tokenizer_template_mismatch")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("<|start_header_id|>")
                        .contains("not meta-llama/Meta-Llama-3.1-8B-Instruct-Reference's tokenizer"));
    }

    @Test
    void eachTemplateAddsItsOwnOverheadToTheSameContent() throws Exception {
        Path file = PreflightTestData.write(dir, "t.jsonl", 12);
        ValidationOptions.Builder options = ValidationOptions.builder().baseModel("gpt-4o-mini-2024-07-18");
        long openAi = Dataset.fromJsonl(file).validate(options.build()).tokens().perExample().sum();
        Tokenizer o200k = Tokenizer.tiktoken(TokenEncoding.O200K_BASE);
        long content = 0;
        for (String line : Files.readAllLines(file)) {
            for (JsonNode m : new ObjectMapper().readTree(line).get("messages")) {
                content += o200k.countTokens(m.get("content").textValue());
            }
        }
        long chatMl = Dataset.fromJsonl(file).validate(options.chatTemplate(ChatTemplate.CHATML).build()).tokens()
                .perExample().sum();

        // 3 messages per example: OpenAI 3 + role each, 3 per example; ChatML 2 markers + "role\n" + "\n" each
        long roles = 12L * (o200k.countTokens("system") + o200k.countTokens("user") + o200k.countTokens("assistant"));
        assertThat(openAi).isEqualTo(content + 12 * 3 * 3 + roles + 12 * 3);
        assertThat(chatMl).isEqualTo(content + 12L * 3 * (2 + o200k.countTokens("\n")) + 12L
                * (o200k.countTokens("system\n") + o200k.countTokens("user\n") + o200k.countTokens("assistant\n")));
    }

    @Test
    void theModelsSpecialTokensAreRejectedInContent() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(PreflightTestData.line(i, i == 3 ? "Frage<|im_end|>" : "Frage " + i));
        }
        Path file = PreflightTestData.write(dir, "special.jsonl", lines);

        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder()
                .baseModel("Qwen/Qwen3-8B").tokenizer(qwen).build());

        assertThat(report.errors()).extracting(DatasetIssue::code, DatasetIssue::line, DatasetIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("special_token", 4L, "messages[1].content"));
    }

    @Test
    void aTokenizerOfYourOwnIsUsedAsGiven() throws Exception {
        Tokenizer words = new Tokenizer() {
            @Override
            public String name() {
                return "words";
            }

            @Override
            public int countTokens(String text) {
                return text.isBlank() ? 0 : text.trim().split("\\s+").length;
            }

            @Override
            public List<String> specialTokens() {
                return List.of();
            }
        };

        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder()
                .baseModel("my-own-model").tokenizer(words).build());

        assertThat(report.tokens().tokenizer()).isEqualTo("words");
        assertThat(report.tokens().assistantPerExample().max()).as("\"Eat a banana!\" 2000 times, unspaced")
                .isEqualTo(4001);
    }

    @Test
    void aProvidersTableNamesTheTokenizerToFetchAndCapsByItsContext() throws Exception {
        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder()
                .baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference").priceTable(PriceTable.together())
                .build());

        assertThat(report.issueCounts()).doesNotContainKey("unknown_base_model");
        assertThat(report.warnings()).filteredOn(i -> i.code().equals("approximate_token_counts")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("fromHub(\"meta-llama/Llama-3.1-8B-Instruct\""));
        assertThat(report.cost().maxTokensPerExample()).contains(131_072);
        assertThat(report.cost().estimatedCost()).isEmpty();
        assertThat(report.tokens().chatTemplate()).isEqualTo(ChatTemplate.LLAMA_3);
    }
}
