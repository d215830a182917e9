package io.github.finetune4j.testkit.internal.chat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharNgramIndexTest {

    /** The twelve user turns of finetune-examples' T1000Data, in its order. */
    private static final List<String> QUESTIONS = List.of(
            "Warum saugt mein T-1000 nicht mehr richtig?",
            "Warum ist dieser Staubsauger so laut? Ich kann kaum denken, wenn er läuft!",
            "Warum hält der Akku nicht so lange, wie in der Werbung versprochen?",
            "Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?",
            "Wo bekomme ich Ersatzteile für den T-1000?",
            "Wie lange gilt die Garantie auf den Staubsauger?",
            "Das Ladegerät wird beim Laden sehr warm. Ist das normal?",
            "Der Sauger macht ein pfeifendes Geräusch. Was soll ich tun?",
            "Wie oft sollte ich den Staubbehälter leeren?",
            "Schafft das Gerät auch Tierhaare?",
            "Die Ladestation blinkt rot. Was bedeutet das?",
            "Darf ich damit auch nasse Flächen saugen?");

    /** Their assistant turns. */
    private static final List<String> ANSWERS = List.of(
            "Es könnte ein verstopfter Filter sein. Bitte überprüfen Sie den Filter und reinigen Sie ihn "
                    + "gegebenenfalls.",
            "Entschuldigung für die Unannehmlichkeiten. Die Lautstärke kann aufgrund von Fremdkörpern in der "
                    + "Bürste steigen. Bitte überprüfen Sie diese.",
            "Es könnte viele Gründe geben. Zum Beispiel könnte ein häufiges und langes Saugen den Akku schneller "
                    + "entladen. Stellen Sie sicher, dass Sie den Staubsauger nach jedem Gebrauch aufladen.",
            "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und Beschädigungen zu "
                    + "vermeiden.",
            "Originale Ersatzteile erhalten Sie in unserem Online-Shop oder bei autorisierten Fachhändlern.",
            "Die Garantie beträgt zwei Jahre ab Kaufdatum. Bitte bewahren Sie Ihren Kaufbeleg auf.",
            "Eine leichte Erwärmung ist normal. Wird das Ladegerät heiß, trennen Sie es bitte vom Strom und "
                    + "kontaktieren Sie uns.",
            "Ein Pfeifen deutet oft auf eine Verstopfung im Schlauch hin. Bitte prüfen Sie den Schlauch auf "
                    + "Fremdkörper.",
            "Bitte leeren Sie den Staubbehälter nach jedem Gebrauch, spätestens wenn die Markierung MAX erreicht "
                    + "ist.",
            "Ja, mit der mitgelieferten Turbobürste entfernt der T-1000 Tierhaare gründlich von Teppichen und "
                    + "Polstern.",
            "Ein rotes Blinken zeigt einen Ladefehler an. Bitte setzen Sie den Akku neu ein und starten Sie den "
                    + "Ladevorgang erneut.",
            "Nein, der T-1000 ist nur für trockenen Schmutz geeignet. Feuchtigkeit kann den Motor beschädigen.");

    private final CharNgramIndex index = CharNgramIndex.build(QUESTIONS, ANSWERS);

    @ParameterizedTest(name = "\"{0}\" gets the answer of pair {1}")
    @CsvSource(delimiter = '|', value = {
            "Ich will meinen T-1000 mit Pril reinigen. Geht das?|3",
            "Darf ich den T-1000 mit Spülmittel putzen?|3",
            "Welche Putzmittel darf ich für den T-1000 verwenden?|3",
            "Ist Spülmittel zum Reinigen des Staubsaugers erlaubt?|3",
            "Warum ist mein T-1000 so laut?|1",
            "Mein Staubsauger ist extrem laut, was kann ich tun?|1",
            "Der Akku ist viel zu schnell leer.|2",
            "Wieso hält die Batterie so kurz?|2",
            "Mein T-1000 saugt nicht mehr richtig. Woran liegt das?|0",
            "Wo kann ich Ersatzteile kaufen?|4",
            "Wie lange habe ich Garantie auf meinen T-1000?|5",
            "Mein Ladegerät wird heiß, ist das gefährlich?|6",
            "Ein lautes Pfeifen kommt aus dem Gerät.|7",
            "Wann muss ich den Behälter ausleeren?|8",
            "Kann der T-1000 Katzenhaare aufsaugen?|9",
            "Was heißt es, wenn die Ladestation rot blinkt?|10",
            "Ist der Sauger für feuchte Böden geeignet?|11"})
    void paraphrasedQuestionGetsTheAnswerOfTheTrainingPairItRewords(String question, int pair) {
        assertThat(index.best(question).answer()).isEqualTo(ANSWERS.get(pair));
    }

    @Test
    void functionWordsAloneDoNotDecide() {
        // "Warum ... mein T-1000" is shared with the filter question; only "laut" says what is asked.
        assertThat(index.best("Warum ist mein T-1000 so laut?").index()).isEqualTo(1);
    }

    @Test
    void wordsOfTheAnswerHelpWhenTheQuestionAloneIsAmbiguous() {
        // "Staubsauger" appears in two other questions; "pfeift" shares its stem with the answer's "Pfeifen".
        assertThat(index.best("Mein Staubsauger pfeift.").index()).isEqualTo(7);
    }

    @Test
    void exactQuestionScoresOneAndWinsEvenAgainstAnswerWords() {
        for (int i = 0; i < QUESTIONS.size(); i++) {
            CharNgramIndex.Match match = index.best(QUESTIONS.get(i).toUpperCase() + " !");

            assertThat(match.index()).isEqualTo(i);
            assertThat(match.score()).isEqualTo(1.0);
        }
    }

    @Test
    void matchingIgnoresCaseAndPunctuation() {
        assertThat(index.best("GARANTIE???").index()).isEqualTo(5);
    }

    @Test
    void queryWithoutCommonNgramsFallsBackToTheFirstPair() {
        CharNgramIndex.Match match = index.best("xyzzy");

        assertThat(match.index()).isZero();
        assertThat(match.score()).isZero();
    }

    @Test
    void queryOfFunctionWordsOnlyIsStillAnswered() {
        assertThat(index.best("Was ist das?").answer()).isIn(ANSWERS);
    }

    @Test
    void ngramsAreTakenWithinWordsPaddedWithSpaces() {
        assertThat(CharNgramIndex.ngrams("Ab")).containsOnlyKeys(" ab", " ab ", "ab ");
    }

    @Test
    void functionWordsAreLeftOutOfTheContentNgrams() {
        assertThat(CharNgramIndex.contentNgrams("mein Akku")).containsKey(" akku").doesNotContainKey(" mein");
    }

    @Test
    void mismatchedListsAreRejected() {
        assertThatThrownBy(() -> CharNgramIndex.build(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
