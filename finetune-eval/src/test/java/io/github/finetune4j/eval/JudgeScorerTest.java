package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JudgeScorerTest {
    private static final EvalExample EXAMPLE = EvalExample.of("pril",
            List.of(Message.system("Kundenservice T-1000"), Message.user("Kann ich Pril verwenden?")),
            "Wir empfehlen spezielle Reinigungsmittel.");

    @Test
    void asksTheJudgeWithRubricReferenceAndAnswerAndMapsTheGradeToZeroToOne() {
        ScriptedModel judgeModel = new ScriptedModel("gpt-4.1-2025-04-14", q -> "Score: 8\nSame advice, polite.");
        JudgeScorer judge = Scorers.judge(judgeModel, "Same advice as the reference, in German.");

        Score score = judge.score(EXAMPLE, "Bitte nur Spezialreiniger verwenden.");

        assertThat(score.value()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(score.explanation()).contains("Same advice");
        List<Message> sent = judgeModel.received.get(0);
        assertThat(sent.get(0).role()).isEqualTo(Role.SYSTEM);
        assertThat(sent.get(0).content().orElseThrow()).contains("Same advice as the reference, in German.")
                .contains("from 1 (worst) to 10 (best)");
        assertThat(sent.get(1).content().orElseThrow()).contains("Kann ich Pril verwenden?")
                .contains("Wir empfehlen spezielle Reinigungsmittel.").contains("Bitte nur Spezialreiniger verwenden.");
    }

    @Test
    void aCustomScaleAndNameAreUsed() {
        JudgeScorer judge = JudgeScorer.builder().name("helpfulness").scale(1, 5).rubric("helpful?")
                .model(new ScriptedModel("judge", q -> "**Score:** 5 - perfect")).build();

        assertThat(judge.name()).isEqualTo("helpfulness");
        assertThat(judge.score(EXAMPLE, "answer").value()).isEqualTo(1.0);
    }

    @Test
    void aReplyWithoutAGradeIsAMissingScore() {
        JudgeScorer judge = Scorers.judge(new ScriptedModel("judge", q -> "I cannot grade this."), "rubric");

        Score score = judge.score(EXAMPLE, "answer");

        assertThat(score.isMissing()).isTrue();
        assertThat(score.explanation()).contains("no grade");
    }

    @Test
    void aGradeOutsideTheScaleIsAMissingScore() {
        JudgeScorer judge = Scorers.judge(new ScriptedModel("judge", q -> "Score: 42"), "rubric");

        assertThat(judge.score(EXAMPLE, "answer").isMissing()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Score: 7|7",
        "score=3.5|3.5",
        "Grade: 9/10 because ...|9",
        "Bewertung: 4,5|4.5",
        "  6  |6",
        "8/10|8",
        "Rating **10**|10"})
    void gradesAreFoundInCommonReplyShapes(String reply, double expected) {
        assertThat(JudgeScorer.parseGrade(reply)).isEqualTo(OptionalDouble.of(expected));
    }

    @Test
    void replyWithNumbersButNoGradeLabelHasNoGrade() {
        assertThat(JudgeScorer.parseGrade("The answer mentions 2 years and 3 filters.")).isEmpty();
    }
}
