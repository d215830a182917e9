package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.ModelInfo;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BaseModelChooser}: the same base model while the target tunes it, else the closest. */
class BaseModelChooserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Target ANY = Target.builder(ForwardingClient.unused()).build();

    private static ModelInfo tunable(String id) {
        return ModelInfo.of(id).withFineTunable(true);
    }

    @Test
    void keepsTheSameBaseModelWhileTheCatalogFineTunesIt() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-4o-mini-2024-07-18", ANY,
                Optional.of(List.of(tunable("gpt-4.1-mini-2025-04-14"), tunable("gpt-4o-mini-2024-07-18"))), TODAY);

        assertThat(c.model()).contains("gpt-4o-mini-2024-07-18");
        assertThat(c.sameModel()).isTrue();
    }

    @Test
    void takesTheNewestVersionOfTheFamilyWhenTheSameModelIsNotTunable() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-4o-2024-08-06", ANY, Optional.of(List.of(
                ModelInfo.of("gpt-4o-2024-08-06").withFineTunable(false), tunable("gpt-4o-2024-11-20"),
                tunable("gpt-4.1-2025-04-14"))), TODAY);

        assertThat(c.model()).contains("gpt-4o-2024-11-20");
        assertThat(c.sameModel()).isFalse();
        assertThat(c.reason()).contains("newest fine-tunable gpt-4o");
    }

    @Test
    void fallsBackToTheClosestSuccessorFamily() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-4o-mini-2024-07-18", ANY, Optional.of(List.of(
                tunable("gpt-4.1-2025-04-14"), tunable("gpt-4.1-mini-2025-04-14"))), TODAY);

        assertThat(c.model()).contains("gpt-4.1-mini-2025-04-14");
        assertThat(c.reason()).contains("closest fine-tunable family is gpt-4.1-mini");
    }

    @Test
    void skipsModelsWhoseFineTuningIsRetired() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-4o-mini-2024-07-18", ANY, Optional.of(List.of(
                tunable("gpt-4o-mini-2024-07-18").withDeprecations(LocalDate.of(2026, 3, 31), null),
                tunable("gpt-4.1-mini-2025-04-14"))), TODAY);

        assertThat(c.model()).contains("gpt-4.1-mini-2025-04-14");
    }

    @Test
    void readsAzureSpellingsOfTheSameModel() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-3.5-turbo-0125", ANY,
                Optional.of(List.of(tunable("gpt-35-turbo-0125"))), TODAY);

        assertThat(c.model()).contains("gpt-35-turbo-0125");
        assertThat(c.sameModel()).isTrue();
    }

    @Test
    void namesNothingWhenNoCloseModelIsTunable() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-4o-mini-2024-07-18", ANY,
                Optional.of(List.of(tunable("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))), TODAY);

        assertThat(c.model()).isEmpty();
        assertThat(c.reason()).contains("name one");
    }

    @Test
    void namedModelsWinPerSourceBaseModelThenForEveryJob() {
        Target target = Target.builder(ForwardingClient.unused()).baseModel("meta-llama/Llama-3.3-70B-Instruct")
                .mapBaseModel("gpt-4o-2024-08-06", "Qwen/Qwen3-32B").build();

        assertThat(BaseModelChooser.choose("gpt-4o-2024-08-06", target, Optional.empty(), TODAY).model())
                .contains("Qwen/Qwen3-32B");
        assertThat(BaseModelChooser.choose("gpt-4o-mini-2024-07-18", target, Optional.empty(), TODAY).model())
                .contains("meta-llama/Llama-3.3-70B-Instruct");
    }

    @Test
    void withoutACatalogTheSameBaseModelIsTried() {
        BaseModelChooser.Choice c = BaseModelChooser.choose("gpt-4o-mini-2024-07-18", ANY, Optional.empty(), TODAY);

        assertThat(c.model()).contains("gpt-4o-mini-2024-07-18");
        assertThat(c.reason()).contains("no model catalog");
    }
}
