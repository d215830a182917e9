package io.github.finetune4j.azure;

import io.github.finetune4j.core.model.FineTuneMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureTrainingTableTest {
    private final AzureTrainingTable foundry = AzureTrainingTable.foundry();

    @Test
    void foundryTableIsVersionedAndSaysWhereItsRowsComeFrom() {
        assertThat(foundry.version()).isEqualTo(AzureTrainingTable.FOUNDRY_VERSION).isEqualTo("azure-foundry-2026-12-06");
        assertThat(foundry.readOn()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(foundry.source()).contains("Microsoft Learn", "fine-tune-models.md", "issue 11");
        assertThat(foundry.rows()).extracting(AzureTrainingTable.Row::model)
                .containsExactly("Ministral-3B", "Qwen-32B", "Llama-3.3-70B-Instruct", "gpt-oss-20b");
    }

    @Test
    void noOpenModelTrainsOnStandardOrWithDpo() {
        for (AzureTrainingTable.Row row : foundry.rows()) {
            assertThat(row.allows(AzureTrainingType.STANDARD)).as(row.model()).isFalse();
            assertThat(row.allows(AzureTrainingType.GLOBAL_STANDARD)).as(row.model()).isTrue();
            assertThat(row.methods()).as(row.model()).containsExactly(FineTuneMethod.SUPERVISED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ministral-3B", "ministral-3b", "Ministral-3B.ft-0123456789abcdef0123456789abcdef-t1000",
        "Ministral-3B.ft-0123456789abcdef0123456789abcdef:ckpt-step-10"})
    void findsTheRowOfAModelInAnySpellingAndOfItsFineTunes(String model) {
        assertThat(foundry.find(model)).hasValueSatisfying(r -> assertThat(r.model()).isEqualTo("Ministral-3B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o-mini-2024-07-18", "gpt-oss-120b", "Qwen-32B-Instruct", "Llama-3.3-70B"})
    void aModelWithoutARowIsNotRestricted(String model) {
        assertThat(foundry.find(model)).isEmpty();
        assertThat(AzureTrainingTable.none().find("Ministral-3B")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"GlobalStandard, globalstandard", "GlobalStandard, Global", "developerTier, Developer",
        "DataZoneStandard, datazone", "Standard, STANDARD"})
    void spellingsOfOneTierAreTheSameTier(String a, String b) {
        assertThat(AzureTrainingType.of(a).sameTierAs(AzureTrainingType.of(b))).isTrue();
    }

    @Test
    void differentTiersAreNot() {
        assertThat(AzureTrainingType.STANDARD.sameTierAs(AzureTrainingType.GLOBAL_STANDARD)).isFalse();
        assertThat(AzureTrainingType.DATA_ZONE_STANDARD.sameTierAs(AzureTrainingType.STANDARD)).isFalse();
    }

    @Test
    void aRowCanBeReplacedOrRemoved() {
        AzureTrainingTable mine = foundry.toBuilder().version("mine")
                .putRow(AzureTrainingTable.Row.supervised("MINISTRAL-3B", AzureTrainingType.DEVELOPER))
                .removeRow("qwen-32b").build();

        assertThat(mine.find("Ministral-3B")).hasValueSatisfying(r ->
                assertThat(r.trainingTypeNames()).containsExactly("developerTier"));
        assertThat(mine.find("Qwen-32B")).isEmpty();
        assertThat(mine.rows()).hasSize(3);
        assertThat(foundry.find("Qwen-32B")).isPresent();
    }

    @Test
    void aTableRefusesTwoRowsForOneModelAndARowWithoutTiers() {
        AzureTrainingTable.Row a = AzureTrainingTable.Row.supervised("Qwen-32B", AzureTrainingType.GLOBAL_STANDARD);
        AzureTrainingTable.Row b = AzureTrainingTable.Row.supervised("qwen-32b", AzureTrainingType.DEVELOPER);

        assertThatThrownBy(() -> new AzureTrainingTable("v", LocalDate.of(2027, 1, 1), "s", List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same model");
        assertThatThrownBy(() -> AzureTrainingTable.Row.supervised("Qwen-32B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new AzureTrainingTable.Row("Qwen-32B", List.of(AzureTrainingType.STANDARD), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AzureTrainingTable.builder().version("v").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void trainingOptionsDescribeTheirTierForTheIdempotencyKey() {
        AzureTraining options = AzureTraining.of(AzureTrainingType.GLOBAL_STANDARD);

        assertThat(options.providerId()).isEqualTo("azure-openai");
        assertThat(options.describe()).isEqualTo("trainingType=GlobalStandard");
    }
}
