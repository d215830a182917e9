package io.github.finetune4j.core.internal.dataset;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetCheckTest {
    private static Dataset t1000(int examples) {
        Dataset.Builder b = Dataset.builder().name("t1000")
                .systemPrompt("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.");
        for (int i = 0; i < examples; i++) {
            b.example("Frage " + i + "?", "Antwort " + i + ".");
        }
        return b.build();
    }

    @Test
    void tooFewExamplesIsAnError() {
        List<DatasetIssue> issues = DatasetCheck.check(t1000(3), FineTuneMethod.SUPERVISED, "gpt-4o-mini-2024-07-18");

        assertThat(issues).filteredOn(i -> i.severity() == Severity.ERROR).extracting(DatasetIssue::code)
                .containsExactly("too_few_examples");
    }

    @Test
    void tenExamplesOnlyWarn() {
        List<DatasetIssue> issues = DatasetCheck.check(t1000(10), FineTuneMethod.SUPERVISED, "gpt-4o-mini-2024-07-18");

        assertThat(issues).extracting(DatasetIssue::code).containsExactly("few_examples");
        assertThat(issues).allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void chatExamplesInADpoJobAreMethodMismatches() {
        List<DatasetIssue> issues = DatasetCheck.check(t1000(12), FineTuneMethod.DPO, "gpt-4o-mini-2024-07-18");

        assertThat(issues).filteredOn(i -> i.code().equals("method_mismatch")).hasSize(12)
                .allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void preflightTakesTheProvidersTable() {
        ValidationReport report = DatasetCheck.preflight(t1000(60), ValidationOptions.builder()
                .baseModel("gpt-4.1-mini-2025-04-14").priceTable(PriceTable.azureOpenAi()).build());

        assertThat(report.issues()).isEmpty();
        assertThat(report.cost().priceTableVersion()).isEqualTo("azure-openai-2026-11-22");
        assertThat(report.cost().maxTokensPerExample()).contains(65_536);
        assertThat(report.cost().estimatedCost()).isEmpty();
        assertThat(report.cost().epochs()).isEqualTo(3);
    }
}
