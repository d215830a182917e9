package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScorersTest {

    private static EvalExample reference(String reference) {
        return EvalExample.of("ex-1", List.of(Message.user("q")), reference);
    }

    private static double score(Scorer scorer, String answer, String reference) {
        return scorer.score(reference(reference), answer).value();
    }

    @Test
    void exactMatchIgnoresCasePunctuationAndWhiteSpace() {
        Scorer exact = Scorers.exactMatch();

        assertThat(score(exact, "  Es könnte ein verstopfter FILTER sein!", "Es könnte ein verstopfter Filter sein."))
                .isEqualTo(1.0);
        assertThat(score(exact, "Es könnte der Filter sein.", "Es könnte ein verstopfter Filter sein."))
                .isEqualTo(0.0);
        assertThat(exact.name()).isEqualTo(Scorers.EXACT_MATCH);
    }

    @Test
    void exactMatchNormalisesUnicodeCompatibilityForms() {
        assertThat(score(Scorers.exactMatch(), "ﬁlter", "filter")).isEqualTo(1.0);
    }

    @Test
    void tokenF1CountsOverlappingWords() {
        Scorer f1 = Scorers.tokenF1();

        // answer: the cat sat (3), reference: the cat sat down (4); common 3 -> P 1, R 0.75, F1 = 6/7
        assertThat(score(f1, "The cat sat.", "the cat sat down")).isCloseTo(6.0 / 7, within(1e-12));
        assertThat(score(f1, "a a b", "a b b")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score(f1, "nothing in common", "ganz anders")).isZero();
        assertThat(score(f1, "", "")).isEqualTo(1.0);
        assertThat(score(f1, "", "something")).isZero();
    }

    @Test
    void chrFMatchesHandComputedValue() {
        // orders 1..2, beta 1: unigrams P = R = 2/3, bigrams P = R = 1/2 -> averages 7/12 -> F1 = 7/12
        assertThat(score(Scorers.chrF(2, 1), "abc", "abd")).isCloseTo(7.0 / 12, within(1e-12));
    }

    @Test
    void chrFIgnoresWhiteSpaceAndIsOneForIdenticalText() {
        Scorer chrF = Scorers.chrF();

        assertThat(score(chrF, "Bitte prüfen Sie den Filter.", "Bitte prüfen Sie den Filter.")).isEqualTo(1.0);
        assertThat(score(chrF, "Bitte prüfenSie den  Filter.", "Bitte prüfen Sie den Filter.")).isEqualTo(1.0);
        assertThat(score(chrF, "xyz", "Bitte prüfen Sie den Filter.")).isZero();
    }

    @Test
    void chrFWeighsRecallOverPrecisionWithBetaTwo() {
        Scorer chrF = Scorers.chrF();
        String reference = "Bitte prüfen Sie den Filter und reinigen Sie ihn.";

        double shortAnswer = score(chrF, "Bitte prüfen Sie den Filter.", reference);
        double longAnswer = score(chrF, reference + " Danke für Ihre Geduld und einen schönen Tag.", reference);

        assertThat(longAnswer).isGreaterThan(shortAnswer);
    }

    @Test
    void jsonValidAcceptsOneJsonValueOnly() {
        Scorer json = Scorers.jsonValid();

        assertThat(score(json, " {\"status\": \"ok\"} ", "")).isEqualTo(1.0);
        assertThat(score(json, "[1, 2, 3]", "")).isEqualTo(1.0);
        assertThat(score(json, "```json\n{\"status\": \"ok\"}\n```", "")).isZero();
        assertThat(score(json, "{\"status\": \"ok\"} trailing", "")).isZero();
        assertThat(json.score(reference(""), "{oops").explanation()).startsWith("not JSON");
    }

    @Test
    void jsonSchemaReportsTheFirstViolation() {
        Scorer schema = Scorers.jsonSchema("""
                {"type": "object", "required": ["intent", "confidence"], "additionalProperties": false,
                 "properties": {
                   "intent": {"enum": ["filter", "noise", "battery"]},
                   "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                   "tags": {"type": "array", "items": {"type": "string", "maxLength": 10}, "maxItems": 3}}}
                """);

        assertThat(score(schema, "{\"intent\": \"filter\", \"confidence\": 0.9, \"tags\": [\"a\"]}", ""))
                .isEqualTo(1.0);
        assertThat(schema.score(reference(""), "{\"intent\": \"filter\"}").explanation())
                .isEqualTo("$: missing required property 'confidence'");
        assertThat(schema.score(reference(""), "{\"intent\": \"pril\", \"confidence\": 1}").explanation())
                .startsWith("$.intent: not one of");
        assertThat(schema.score(reference(""), "{\"intent\": \"noise\", \"confidence\": 2}").explanation())
                .startsWith("$.confidence: 2.0 is above the maximum");
        assertThat(schema.score(reference(""), "{\"intent\": \"noise\", \"confidence\": 1, \"x\": 1}").explanation())
                .isEqualTo("$: property 'x' is not allowed");
        assertThat(schema.score(reference(""),
                "{\"intent\": \"noise\", \"confidence\": 1, \"tags\": [\"much too long\"]}").explanation()).isEqualTo("$.tags[0]: longer than 10 characters");
        assertThat(score(schema, "not json", "")).isZero();
    }

    @Test
    void jsonSchemaRejectsASchemaThatIsNotJson() {
        assertThatThrownBy(() -> Scorers.jsonSchema("{nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regexScoresOneWhenThePatternIsFound() {
        Scorer regex = Scorers.regex("mentions_filter", "(?i)\\bfilter\\b");

        assertThat(score(regex, "Bitte prüfen Sie den Filter.", "")).isEqualTo(1.0);
        assertThat(score(regex, "Bitte prüfen Sie die Filtertüte.", "")).isZero();
        assertThat(regex.name()).isEqualTo("mentions_filter");
    }

    @Test
    void scoreRejectsValuesOutsideZeroToOne() {
        assertThatThrownBy(() -> Score.of(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Score.missing("why").isMissing()).isTrue();
    }
}
