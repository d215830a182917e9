package io.github.finetune4j.testkit.internal.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharNgramIndexTest {

    private static final List<String> QUESTIONS = List.of(
            "Warum saugt mein T-1000 nicht mehr richtig?",
            "Warum ist dieser Staubsauger so laut? Ich kann kaum denken, wenn er läuft!",
            "Warum hält der Akku nicht so lange, wie in der Werbung versprochen?",
            "Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?",
            "Wo kann ich Ersatzteile für meinen T-1000 bestellen?",
            "Wie lange habe ich Garantie auf meinen T-1000?");
    private static final List<String> ANSWERS = List.of("filter", "noise", "battery", "cleaning", "parts",
            "warranty");

    private final CharNgramIndex index = CharNgramIndex.build(QUESTIONS, ANSWERS);

    @Test
    void unseenQuestionAboutCleaningMatchesTheCleaningAgentExample() {
        assertThat(index.best("Ich will meinen T-1000 mit Pril reinigen. Geht das?").answer()).isEqualTo("cleaning");
    }

    @Test
    void exactQuestionScoresOne() {
        CharNgramIndex.Match match = index.best(QUESTIONS.get(4));

        assertThat(match.index()).isEqualTo(4);
        assertThat(match.score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void matchingIgnoresCaseAndPunctuation() {
        assertThat(index.best("GARANTIE???").answer()).isEqualTo("warranty");
    }

    @Test
    void queryWithoutCommonNgramsFallsBackToTheFirstDocument() {
        CharNgramIndex.Match match = index.best("xyzzy");

        assertThat(match.index()).isZero();
        assertThat(match.score()).isZero();
    }

    @Test
    void ngramsAreTakenWithinWordsPaddedWithSpaces() {
        assertThat(CharNgramIndex.ngrams("Ab")).containsOnlyKeys(" ab", " ab ", "ab ");
    }

    @Test
    void mismatchedListsAreRejected() {
        assertThatThrownBy(() -> CharNgramIndex.build(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
