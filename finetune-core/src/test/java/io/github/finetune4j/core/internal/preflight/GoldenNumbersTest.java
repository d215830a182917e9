package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.internal.tokenizer.TiktokenCounter;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The golden numbers of {@code shared/testdata/README.md} for the cookbook's {@code toy_chat_fine_tuning.jsonl},
 * computed with real tiktoken: per-example totals and assistant tokens for both encodings, epochs, billing and
 * charged tokens at every cap, and the notebook's statistics.
 */
class GoldenNumbersTest {
    static Path toy() {
        try {
            return Path.of(GoldenNumbersTest.class.getResource("/testdata/toy_chat_fine_tuning.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<LineResult> perLine(TokenEncoding encoding) throws Exception {
        TextAnalyzer analyzer = new TextAnalyzer(TiktokenCounter.of(encoding), true);
        LineChecker checker = new LineChecker("toy", FineTuneMethod.SUPERVISED, analyzer, new JsonReaders(64, 1 << 20),
                Severity.ERROR, Severity.WARNING, false, 1 << 20);
        List<LineResult> results = new ArrayList<>();
        long line = 1;
        for (String text : Files.readAllLines(toy(), StandardCharsets.UTF_8)) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            results.add(checker.check(b, 0, b.length, line++));
        }
        return results;
    }

    @Test
    void cl100kPerExampleTotalsAndAssistantTokensMatchTiktoken() throws Exception {
        List<LineResult> r = perLine(TokenEncoding.CL100K_BASE);

        assertThat(r).extracting(x -> x.tokens).containsExactly(45, 111, 26, 28, 8032);
        assertThat(r).extracting(x -> x.assistantTokens).containsExactly(10, 28, 9, 4, 8000);
    }

    @Test
    void o200kPerExampleTotalsAndAssistantTokensMatchTiktoken() throws Exception {
        List<LineResult> r = perLine(TokenEncoding.O200K_BASE);

        assertThat(r).extracting(x -> x.tokens).containsExactly(43, 106, 26, 27, 8031);
        assertThat(r).extracting(x -> x.assistantTokens).containsExactly(8, 25, 9, 3, 8000);
    }

    private static ValidationReport validate(String model, PriceTable table) {
        return Dataset.fromJsonl(toy())
                .validate(ValidationOptions.builder().baseModel(model).priceTable(table).build());
    }

    private static PriceTable withCap(int cap, TokenEncoding encoding) {
        return PriceTable.openAi().toBuilder().putModel(ModelLimits.builder().model("toy-model").encoding(encoding)
                .maxTokensPerExample(cap).trainingPricePerMillionTokens(new BigDecimal("8.00")).build()).build();
    }

    @ParameterizedTest(name = "{0} cap {1}: billing {3}, charged {4}")
    @CsvSource({
        "CL100K_BASE, 4096, gpt-3.5-turbo-0613, 4306, 86120",
        "CL100K_BASE, 16385, gpt-3.5-turbo-0125, 8242, 164840",
        "CL100K_BASE, 65536, toy-model, 8242, 164840",
        "O200K_BASE, 4096, toy-model, 4298, 85960",
        "O200K_BASE, 16385, toy-model, 8233, 164660",
        "O200K_BASE, 65536, gpt-4o-mini-2024-07-18, 8233, 164660",
    })
    void epochsBillingAndChargedTokensAtEachCap(TokenEncoding encoding, int cap, String model, long billing,
                                                long charged) {
        PriceTable table = "toy-model".equals(model) ? withCap(cap, encoding) : PriceTable.openAi();

        ValidationReport report = validate(model, table);

        CostEstimate cost = report.cost();
        assertThat(report.tokens().encoding()).hasValue(encoding);
        assertThat(cost.maxTokensPerExample()).contains(cap);
        assertThat(cost.epochs()).isEqualTo(20);
        assertThat(cost.epochSource()).isEqualTo(CostEstimate.EpochSource.HEURISTIC);
        assertThat(cost.billingTokens()).isEqualTo(billing);
        assertThat(cost.trainedTokens()).isEqualTo(charged);
    }

    @Test
    void cl100kStatisticsMatchTheNotebook() {
        ValidationReport report = validate("gpt-3.5-turbo-0613", PriceTable.openAi());

        var total = report.tokens().perExample();
        assertThat(total.count()).isEqualTo(5);
        assertThat(total.min()).isEqualTo(26);
        assertThat(total.max()).isEqualTo(8032);
        assertThat(total.mean()).isCloseTo(1648.4, within(1e-9));
        assertThat(total.median()).isEqualTo(45.0);
        assertThat(total.p10()).isCloseTo(26.8, within(1e-9));
        assertThat(total.p90()).isCloseTo(4863.6, within(1e-9));
        var assistant = report.tokens().assistantPerExample();
        assertThat(assistant.min()).isEqualTo(4);
        assertThat(assistant.max()).isEqualTo(8000);
        assertThat(assistant.mean()).isCloseTo(1610.2, within(1e-9));
        assertThat(assistant.median()).isEqualTo(10.0);
        assertThat(report.tokens().examplesOverLimit()).isEqualTo(1);
        assertThat(report.tokens().tokensOverLimit()).isEqualTo(8032 - 4096);
    }

    @Test
    void o200kStatistics() {
        ValidationReport report = validate("gpt-4o-mini-2024-07-18", PriceTable.openAi());

        var total = report.tokens().perExample();
        assertThat(total.min()).isEqualTo(26);
        assertThat(total.max()).isEqualTo(8031);
        assertThat(total.mean()).isCloseTo((43 + 106 + 26 + 27 + 8031) / 5.0, within(1e-9));
        assertThat(total.median()).isEqualTo(43.0);
        assertThat(total.p10()).isCloseTo(26.4, within(1e-9));
        assertThat(total.p90()).isCloseTo(106 + 0.6 * (8031 - 106), within(1e-9));
        assertThat(report.tokens().assistantPerExample().mean()).isCloseTo((8 + 25 + 9 + 3 + 8000) / 5.0, within(1e-9));
        assertThat(report.cost().estimatedCost()).contains(new BigDecimal("0.4940"));
    }

    @Test
    void cookbookFormatCheckFindsNoFormatErrorsAndTheSameWarnings() {
        ValidationReport report = validate("gpt-3.5-turbo-0125", PriceTable.openAi());

        assertThat(report.count("missing_system_message")).isEqualTo(1);
        assertThat(report.count("missing_user_message")).isEqualTo(1);
        assertThat(report.errors()).extracting(i -> i.code()).containsExactly("too_few_examples");
        assertThat(report.issues()).filteredOn(i -> i.code().equals("missing_system_message"))
                .extracting(i -> i.line()).containsExactly(3L);
        assertThat(report.issues()).filteredOn(i -> i.code().equals("missing_user_message"))
                .extracting(i -> i.line()).containsExactly(4L);
    }

    @Test
    void fixedEpochsReplaceTheHeuristic() {
        ValidationReport report = Dataset.fromJsonl(toy()).validate(ValidationOptions.builder()
                .baseModel("gpt-3.5-turbo-0125").epochs(3).build());

        assertThat(report.cost().epochs()).isEqualTo(3);
        assertThat(report.cost().epochSource()).isEqualTo(CostEstimate.EpochSource.FIXED);
        assertThat(report.cost().trainedTokens()).isEqualTo(8242L * 3);
        assertThat(report.cost().estimatedCost()).contains(new BigDecimal("0.1978"));
    }
}
