package io.github.finetune4j.examples;

import io.github.finetune4j.core.Dataset;

/** The training data of our launch story: customer service for the T-1000 vacuum cleaner, in German. */
public final class T1000Data {
    /** The system prompt of every example, and of the questions asked after training. */
    public static final String SYSTEM_PROMPT =
            "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";

    /** The question after training; deliberately not in the training data. */
    public static final String PRIL_QUESTION = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";

    private T1000Data() {
    }

    /**
     * The twelve question/answer pairs: the four of the story and eight more in the same style.
     *
     * @return the dataset
     */
    public static Dataset dataset() {
        return Dataset.builder()
                .name("t1000-kundenservice")
                .systemPrompt(SYSTEM_PROMPT)
                .example("Warum saugt mein T-1000 nicht mehr richtig?",
                        "Es könnte ein verstopfter Filter sein. Bitte überprüfen Sie den Filter und reinigen Sie ihn "
                                + "gegebenenfalls.")
                .example("Warum ist dieser Staubsauger so laut? Ich kann kaum denken, wenn er läuft!",
                        "Entschuldigung für die Unannehmlichkeiten. Die Lautstärke kann aufgrund von Fremdkörpern in "
                                + "der Bürste steigen. Bitte überprüfen Sie diese.")
                .example("Warum hält der Akku nicht so lange, wie in der Werbung versprochen?",
                        "Es könnte viele Gründe geben. Zum Beispiel könnte ein häufiges und langes Saugen den Akku "
                                + "schneller entladen. Stellen Sie sicher, dass Sie den Staubsauger nach jedem Gebrauch "
                                + "aufladen.")
                .example("Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?",
                        "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und Beschädigungen "
                                + "zu vermeiden.")
                .example("Wo bekomme ich Ersatzteile für den T-1000?",
                        "Originale Ersatzteile erhalten Sie in unserem Online-Shop oder bei autorisierten Fachhändlern.")
                .example("Wie lange gilt die Garantie auf den Staubsauger?",
                        "Die Garantie beträgt zwei Jahre ab Kaufdatum. Bitte bewahren Sie Ihren Kaufbeleg auf.")
                .example("Das Ladegerät wird beim Laden sehr warm. Ist das normal?",
                        "Eine leichte Erwärmung ist normal. Wird das Ladegerät heiß, trennen Sie es bitte vom Strom und "
                                + "kontaktieren Sie uns.")
                .example("Der Sauger macht ein pfeifendes Geräusch. Was soll ich tun?",
                        "Ein Pfeifen deutet oft auf eine Verstopfung im Schlauch hin. Bitte prüfen Sie den Schlauch auf "
                                + "Fremdkörper.")
                .example("Wie oft sollte ich den Staubbehälter leeren?",
                        "Bitte leeren Sie den Staubbehälter nach jedem Gebrauch, spätestens wenn die Markierung MAX "
                                + "erreicht ist.")
                .example("Schafft das Gerät auch Tierhaare?",
                        "Ja, mit der mitgelieferten Turbobürste entfernt der T-1000 Tierhaare gründlich von Teppichen "
                                + "und Polstern.")
                .example("Die Ladestation blinkt rot. Was bedeutet das?",
                        "Ein rotes Blinken zeigt einen Ladefehler an. Bitte setzen Sie den Akku neu ein und starten Sie "
                                + "den Ladevorgang erneut.")
                .example("Darf ich damit auch nasse Flächen saugen?",
                        "Nein, der T-1000 ist nur für trockenen Schmutz geeignet. Feuchtigkeit kann den Motor "
                                + "beschädigen.")
                .build();
    }
}
