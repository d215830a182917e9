package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTest {
    @TempDir
    Path dir;

    private static PriceTable table(long maxFile, long maxUpload) {
        return PriceTable.openAi().toBuilder().maxFileBytes(maxFile).maxUploadBytes(maxUpload).build();
    }

    @Test
    void fileOverTheSingleUploadLimitPointsToTheLargeFileRoute() throws Exception {
        Path file = PreflightTestData.write(dir, "big.jsonl", 60);
        long size = Files.size(file);

        ValidationReport report = Dataset.fromJsonl(file).validate(PreflightTestData.options()
                .priceTable(table(size - 1, size * 10)).build());

        assertThat(report.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("file_over_upload_limit");
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.line()).isZero();
            assertThat(i.message()).contains("uploaded in parts through the Uploads API automatically");
        });
    }

    @Test
    void fileOverTheProvidersHardLimitIsAnError() throws Exception {
        Path file = PreflightTestData.write(dir, "huge.jsonl", 60);

        ValidationReport report = Dataset.fromJsonl(file).validate(PreflightTestData.options()
                .priceTable(table(100, 200)).build());

        assertThat(report.errors()).extracting(DatasetIssue::code).containsExactly("file_too_large");
    }

    @Test
    void examplesOverTheModelsLimitAreReportedWithTheTokensLost() throws Exception {
        PriceTable small = PriceTable.openAi().toBuilder().putModel(ModelLimits.builder().model("tiny")
                .encoding(TokenEncoding.O200K_BASE).maxTokensPerExample(40).build()).build();
        Path file = PreflightTestData.write(dir, "long.jsonl", 60);

        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder().baseModel("tiny")
                .priceTable(small).build());

        assertThat(report.count("example_over_token_limit")).isEqualTo(60);
        assertThat(report.tokens().examplesOverLimit()).isEqualTo(60);
        assertThat(report.cost().billingTokens()).isEqualTo(60 * 40);
        assertThat(report.tokens().tokensOverLimit()).isEqualTo(report.tokens().perExample().sum() - 60 * 40);
        assertThat(report.issues()).filteredOn(i -> i.code().equals("example_over_token_limit"))
                .hasSize(60)
                .first().satisfies(i -> assertThat(i.message()).contains("40 tiny trains on"));
        assertThat(report.cost().estimatedCost()).isEmpty();
    }

    @Test
    void jobOverAzuresTrainedTokenCapIsAnError() throws Exception {
        PriceTable azure = PriceTable.azureOpenAi().toBuilder().maxTrainedTokensPerJob(1000).putModel(ModelLimits
                .builder().model("gpt-4o-mini").encoding(TokenEncoding.O200K_BASE).maxTokensPerExample(65_536)
                .trainingPricePerMillionTokens(new BigDecimal("3.30")).build()).build();
        Path file = PreflightTestData.write(dir, "job.jsonl", 60);

        ValidationReport report = Dataset.fromJsonl(file).validate(PreflightTestData.options().priceTable(azure)
                .build());

        assertThat(report.errors()).extracting(DatasetIssue::code).containsExactly("job_too_large");
        assertThat(report.cost().estimatedCost()).isPresent();
    }

    @Test
    void unknownModelWarnsAndCountsWithTheEncodingItsNameImplies() throws Exception {
        Path file = PreflightTestData.write(dir, "unknown.jsonl", 60);

        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder()
                .baseModel("gpt-5-nano-2026-01-01").build());

        assertThat(report.issues()).extracting(DatasetIssue::code).containsExactly("unknown_base_model");
        assertThat(report.tokens().encoding()).hasValue(TokenEncoding.O200K_BASE);
        assertThat(report.cost().maxTokensPerExample()).isEmpty();
        assertThat(report.cost().billingTokens()).isEqualTo(report.tokens().perExample().sum());
    }

    @Test
    void optionsRejectBadValues() {
        assertThat(ValidationOptions.builder().baseModel("m").build().threads()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationOptions.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseModel");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationOptions.builder().baseModel("m").threads(0)
                .build()).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationOptions.builder().baseModel("m").epochs(51)
                .build()).isInstanceOf(IllegalArgumentException.class);
    }
}
