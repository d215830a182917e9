package com.example.vacuum;

import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The README's "story in ten lines", as a user's program: OPENAI_API_KEY and OPENAI_BASE_URL choose the service.
 * Prints the answer and where finetune4j was loaded from (a named module or the class path).
 */
public final class Story {
    private Story() {
    }

    public static void main(String[] args) {
        String answer;
        // --- the README's ten lines, with the "... at least 10 examples" written out ---
        try (FineTuneClient client = FineTuneClient.fromEnv()) {            // OpenAI or Azure, from the environment
            Dataset data = Dataset.builder()
                    .systemPrompt("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.")
                    .example("Warum saugt mein T-1000 nicht mehr richtig?",
                             "Es könnte ein verstopfter Filter sein. Bitte überprüfen Sie den Filter.")
                    .example("Warum ist dieser Staubsauger so laut?",
                             "Die Lautstärke kann durch Fremdkörper in der Bürste steigen. Bitte prüfen Sie diese.")
                    .example("Warum hält der Akku nicht so lange wie versprochen?",
                             "Laden Sie den Staubsauger bitte nach jedem Gebrauch vollständig auf.")
                    .example("Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?",
                             "Wir empfehlen spezielle Reinigungsmittel, um Beschädigungen zu vermeiden.")
                    .example("Wo bekomme ich Ersatzteile für den T-1000?",
                             "Originale Ersatzteile erhalten Sie in unserem Online-Shop.")
                    .example("Wie lange gilt die Garantie auf den Staubsauger?",
                             "Die Garantie beträgt zwei Jahre ab Kaufdatum.")
                    .example("Das Ladegerät wird beim Laden sehr warm. Ist das normal?",
                             "Eine leichte Erwärmung ist normal.")
                    .example("Der Sauger macht ein pfeifendes Geräusch. Was soll ich tun?",
                             "Ein Pfeifen deutet oft auf eine Verstopfung im Schlauch hin.")
                    .example("Wie oft sollte ich den Staubbehälter leeren?",
                             "Bitte leeren Sie den Staubbehälter nach jedem Gebrauch.")
                    .example("Schafft das Gerät auch Tierhaare?",
                             "Ja, mit der mitgelieferten Turbobürste entfernt der T-1000 Tierhaare gründlich.")
                    .build();
            FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
                    .baseModel("gpt-4o-mini-2024-07-18").trainingData(data).suffix("t1000")
                    .hyperparameters(Hyperparameters.builder().epochs(3).build())
                    .build());                                                 // checks, uploads, creates: exactly once
            JobSnapshot done = job.awaitCompletion(WaitOptions.builder()
                    .timeout(Duration.ofHours(2)).listener(new ConsoleProgress()).build());
            answer = client.model(done).withSystemPrompt("Du chattest jetzt mit dem Kundenservice ...")
                    .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
        }
        // --- end of the ten lines ---
        System.out.println("answer: " + answer);
        System.out.println("finetune4j loaded from: " + FineTuneClient.class.getModule());
        System.out.println("finetune4j modules: " + ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(n -> n.startsWith("io.github.finetune4j.")).sorted().collect(Collectors.joining(",")));
    }
}
