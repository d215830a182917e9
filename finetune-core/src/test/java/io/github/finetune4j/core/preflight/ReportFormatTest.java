package io.github.finetune4j.core.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.DatasetValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFormatTest {
    @TempDir
    Path dir;

    private static ValidationReport toyReport() throws URISyntaxException {
        Path toy = Path.of(ReportFormatTest.class.getResource("/testdata/toy_chat_fine_tuning.jsonl").toURI());
        return Dataset.fromJsonl(toy).validate(ValidationOptions.builder().baseModel("gpt-3.5-turbo-0613").build());
    }

    @Test
    void textSummaryShowsCountsIssuesTokensAndCost() throws Exception {
        String text = toyReport().toText();

        assertThat(text).contains("Pre-flight check of ").contains("toy_chat_fine_tuning.jsonl")
                .contains("model gpt-3.5-turbo-0613, supervised, cl100k_base")
                .contains("5 examples in 5 lines, 27.4 kB")
                .contains("FAILED: 1 error, 3 warnings")
                .contains("too_few_examples")
                .contains("warning line 3 messages: missing_system_message")
                .contains("per example            min 26, max 8,032, mean 1,648.4, median 45.0, p10 26.8, p90 4,863.6")
                .contains("epochs 20 (auto heuristic), billing tokens 4,306 (each example capped at 4,096),"
                        + " trained tokens 86,120")
                .contains("estimated cost USD 0.689 at USD 8.00 per 1M trained tokens")
                .contains("1 examples over the per-example limit; 3,936 tokens are cut off");
    }

    @Test
    void jsonHasEveryPartForTools() throws Exception {
        JsonNode json = new ObjectMapper().readTree(toyReport().toJson());

        assertThat(json.get("ok").booleanValue()).isFalse();
        assertThat(json.get("examples").intValue()).isEqualTo(5);
        assertThat(json.at("/issue_counts/missing_user_message").intValue()).isEqualTo(1);
        assertThat(json.at("/issues/0/code").textValue()).isEqualTo("too_few_examples");
        assertThat(json.at("/issues/0/severity").textValue()).isEqualTo("error");
        assertThat(json.at("/tokens/encoding").textValue()).isEqualTo("cl100k_base");
        assertThat(json.at("/tokens/per_example/p90").doubleValue())
                .isEqualTo(4863.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.at("/tokens/assistant_per_example/sum").intValue()).isEqualTo(8051);
        assertThat(json.at("/cost/epochs").intValue()).isEqualTo(20);
        assertThat(json.at("/cost/billing_tokens").intValue()).isEqualTo(4306);
        assertThat(json.at("/cost/trained_tokens").intValue()).isEqualTo(86120);
        assertThat(json.at("/cost/estimated_cost_usd").decimalValue()).isEqualByComparingTo("0.6890");
        assertThat(json.at("/cost/price_table").textValue()).isEqualTo("openai-2026-11-22");
        assertThat(json.at("/pii/findings").isArray()).isTrue();
    }

    @Test
    void throwIfErrorsThrowsTheValidationExceptionWithTheIssues() throws Exception {
        ValidationReport report = toyReport();

        assertThatThrownBy(report::throwIfErrors).isInstanceOfSatisfying(DatasetValidationException.class,
                e -> assertThat(e.issues()).isEqualTo(report.issues()));
    }

    @Test
    void cleanDatasetPassesAndShowsNoIssueSection() throws Exception {
        ValidationReport report = Dataset.fromJsonl(PreflightTestData.write(dir, "clean.jsonl", 60))
                .validate(PreflightTestData.options().build());

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.issues()).isEmpty();
        assertThat(report.toText()).contains("OK: 0 errors, 0 warnings").doesNotContain("Issues by code");
        report.throwIfErrors();
    }
}
