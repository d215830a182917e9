package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippets of {@code docs/preflight.md}, compiled and run offline. */
class PreflightGuideTest {
    private static Path resource(String name) throws Exception {
        return Path.of(PreflightGuideTest.class.getResource(name).toURI());
    }

    @Test
    void aModelsOwnTokenizerFromAFileCountsExactly() throws Exception {
        HuggingFaceTokenizer qwen = HuggingFaceTokenizer.fromFile(resource("/tokenizers/qwen3/tokenizer.json"));

        ValidationReport report = Dataset.fromJsonl(resource("/testdata/toy_chat_fine_tuning.jsonl"))
                .validate(ValidationOptions.builder().baseModel("Qwen/Qwen3-8B").tokenizer(qwen).build());

        assertThat(report.tokens().exact()).isTrue();
        assertThat(qwen.sha256()).hasSize(64);
        assertThat(qwen.modelId()).isEmpty();
    }

    @Test
    void aPriceAddedToTogethersTableGivesACost() throws Exception {
        ModelLimits llama = PriceTable.together().find("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
                .orElseThrow();
        PriceTable mine = PriceTable.together().toBuilder().version("together-lora-sft-2026-12")
                .putModel(llama.toBuilder().trainingPricePerMillionTokens(new BigDecimal("0.48")).build())
                .build();

        ValidationReport report = Dataset.fromJsonl(resource("/testdata/toy_chat_fine_tuning.jsonl"))
                .validate(ValidationOptions.builder().baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
                        .priceTable(mine).build());

        assertThat(report.cost().priceTableVersion()).isEqualTo("together-lora-sft-2026-12");
        assertThat(report.cost().estimatedCost()).isPresent();
    }
}
