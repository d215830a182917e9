package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.eval.EvalExample;

import java.util.List;

/**
 * The T-1000 story's training data (as in finetune-examples' {@code T1000Data}) and held-out paraphrases of its
 * questions, each with the answer of the training pair it paraphrases as the reference.
 */
final class T1000 {
    static final String SYSTEM_PROMPT =
            "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";
    static final String FILTER = "Es könnte ein verstopfter Filter sein. Bitte überprüfen Sie den Filter und reinigen "
            + "Sie ihn gegebenenfalls.";
    static final String NOISE = "Entschuldigung für die Unannehmlichkeiten. Die Lautstärke kann aufgrund von "
            + "Fremdkörpern in der Bürste steigen. Bitte überprüfen Sie diese.";
    static final String BATTERY = "Es könnte viele Gründe geben. Zum Beispiel könnte ein häufiges und langes Saugen "
            + "den Akku schneller entladen. Stellen Sie sicher, dass Sie den Staubsauger nach jedem Gebrauch aufladen.";
    static final String CLEANING = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und "
            + "Beschädigungen zu vermeiden.";
    static final String PARTS = "Originale Ersatzteile erhalten Sie in unserem Online-Shop oder bei autorisierten "
            + "Fachhändlern.";
    static final String WARRANTY = "Die Garantie beträgt zwei Jahre ab Kaufdatum. Bitte bewahren Sie Ihren Kaufbeleg "
            + "auf.";
    static final String CHARGER = "Eine leichte Erwärmung ist normal. Wird das Ladegerät heiß, trennen Sie es bitte "
            + "vom Strom und kontaktieren Sie uns.";
    static final String WHISTLE = "Ein Pfeifen deutet oft auf eine Verstopfung im Schlauch hin. Bitte prüfen Sie den "
            + "Schlauch auf Fremdkörper.";
    static final String BIN = "Bitte leeren Sie den Staubbehälter nach jedem Gebrauch, spätestens wenn die Markierung "
            + "MAX erreicht ist.";
    static final String PET_HAIR = "Ja, mit der mitgelieferten Turbobürste entfernt der T-1000 Tierhaare gründlich "
            + "von Teppichen und Polstern.";
    static final String RED_LIGHT = "Ein rotes Blinken zeigt einen Ladefehler an. Bitte setzen Sie den Akku neu ein "
            + "und starten Sie den Ladevorgang erneut.";
    static final String WET = "Nein, der T-1000 ist nur für trockenen Schmutz geeignet. Feuchtigkeit kann den Motor "
            + "beschädigen.";

    private T1000() {
    }

    static Dataset training() {
        return Dataset.builder().name("t1000-kundenservice").systemPrompt(SYSTEM_PROMPT)
                .example("Warum saugt mein T-1000 nicht mehr richtig?", FILTER)
                .example("Warum ist dieser Staubsauger so laut? Ich kann kaum denken, wenn er läuft!", NOISE)
                .example("Warum hält der Akku nicht so lange, wie in der Werbung versprochen?", BATTERY)
                .example("Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?", CLEANING)
                .example("Wo bekomme ich Ersatzteile für den T-1000?", PARTS)
                .example("Wie lange gilt die Garantie auf den Staubsauger?", WARRANTY)
                .example("Das Ladegerät wird beim Laden sehr warm. Ist das normal?", CHARGER)
                .example("Der Sauger macht ein pfeifendes Geräusch. Was soll ich tun?", WHISTLE)
                .example("Wie oft sollte ich den Staubbehälter leeren?", BIN)
                .example("Schafft das Gerät auch Tierhaare?", PET_HAIR)
                .example("Die Ladestation blinkt rot. Was bedeutet das?", RED_LIGHT)
                .example("Darf ich damit auch nasse Flächen saugen?", WET)
                .build();
    }

    static List<EvalExample> heldOut() {
        return List.of(
                example("filter", "Mein T-1000 saugt nicht mehr richtig. Woran liegt das?", FILTER),
                example("noise", "Warum ist mein Staubsauger so laut geworden?", NOISE),
                example("battery", "Der Akku hält nicht so lange, wie die Werbung verspricht. Warum?", BATTERY),
                example("pril", "Ich will meinen T-1000 mit Pril reinigen. Geht das?", CLEANING),
                example("parts", "Wo kann ich Ersatzteile für meinen T-1000 bekommen?", PARTS),
                example("warranty", "Wie lange habe ich Garantie auf den Staubsauger?", WARRANTY),
                example("charger", "Beim Laden wird das Ladegerät ziemlich warm. Ist das normal?", CHARGER),
                example("red-light", "Meine Ladestation blinkt rot, was bedeutet das?", RED_LIGHT));
    }

    private static EvalExample example(String id, String question, String reference) {
        return EvalExample.of(id, List.of(Message.system(SYSTEM_PROMPT), Message.user(question)), reference);
    }
}
