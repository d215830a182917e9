package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.eval.EvalExample;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GoldenExamples}: the prompts golden answers are recorded on, exactly as trained. */
class GoldenExamplesTest {
    private static Path dataset(String name) throws URISyntaxException {
        return Path.of(GoldenExamplesTest.class.getResource("/datasets/" + name).toURI());
    }

    @Test
    void aValidationSetIsAskedWholeWithItsSystemPromptAndTheLastAnswerAsReference() throws Exception {
        Path file = dataset("support-valid.jsonl");

        List<Integer> indices = GoldenExamples.choose(file, GoldenExamples.VALIDATION, 2, 42);
        List<EvalExample> examples = GoldenExamples.load(file, GoldenExamples.VALIDATION, indices);

        assertThat(indices).containsExactly(0, 1, 2, 3);
        assertThat(examples.get(0).id()).isEqualTo("val-0001");
        assertThat(examples.get(0).prompt()).extracting(m -> m.role()).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(examples.get(0).reference()).startsWith("Es könnte ein verstopfter Filter sein.");
    }

    @Test
    void trainingPromptsAreASeededSampleInFileOrder() throws Exception {
        Path file = dataset("billing-train.jsonl");

        List<Integer> first = GoldenExamples.choose(file, GoldenExamples.TRAINING, 5, 42);
        List<Integer> again = GoldenExamples.choose(file, GoldenExamples.TRAINING, 5, 42);
        List<Integer> other = GoldenExamples.choose(file, GoldenExamples.TRAINING, 5, 7);

        assertThat(first).hasSize(5).isSorted().isEqualTo(again).isNotEqualTo(other);
        assertThat(GoldenExamples.load(file, GoldenExamples.TRAINING, first)).extracting(EvalExample::id)
                .allMatch(id -> id.startsWith("train-"));
    }

    @Test
    void aDpoExampleIsAskedItsInputWithThePreferredAnswerAsReference() throws Exception {
        Path file = dataset("dpo-valid.jsonl");

        List<EvalExample> examples = GoldenExamples.load(file, GoldenExamples.VALIDATION,
                GoldenExamples.choose(file, GoldenExamples.VALIDATION, 50, 42));

        assertThat(examples).hasSize(2);
        assertThat(examples.get(0).question()).isEqualTo("Darf ich Pril nehmen?");
        assertThat(examples.get(0).reference()).isEqualTo("Bitte nicht: Pril kann die Dichtungen beschädigen.");
    }
}
