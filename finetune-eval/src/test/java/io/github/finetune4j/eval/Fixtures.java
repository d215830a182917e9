package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small held-out sets for unit tests. */
final class Fixtures {
    static final String SYSTEM = "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";

    /** Question to reference answer, in order. */
    static final Map<String, String> QA = Map.of(
            "Saugt nicht?", "Bitte den Filter reinigen.",
            "Zu laut?", "Bitte die Bürste prüfen.",
            "Akku leer?", "Bitte nach jedem Gebrauch aufladen.",
            "Pril?", "Nur spezielle Reinigungsmittel verwenden.",
            "Garantie?", "Zwei Jahre ab Kaufdatum.",
            "Ersatzteile?", "Im Online-Shop.");

    private Fixtures() {
    }

    static List<EvalExample> examples() {
        List<EvalExample> out = new ArrayList<>();
        QA.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(EvalExample.of(
                "ex-" + (out.size() + 1), List.of(Message.system(SYSTEM), Message.user(e.getKey())), e.getValue())));
        return out;
    }

    /** A "fine-tuned" model that knows every reference answer. */
    static ScriptedModel tuned() {
        return new ScriptedModel("ft:gpt-4o-mini-2024-07-18:org:t1000:abc", q -> QA.getOrDefault(q, "?"));
    }

    /** A "base" model that answers generically. */
    static ScriptedModel base() {
        return new ScriptedModel("gpt-4o-mini-2024-07-18",
                q -> "Hello! I am a general assistant and cannot help with: " + q);
    }
}
