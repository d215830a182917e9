package io.github.finetune4j.azure.emulator;

import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.time.Duration;

/** What the tests against the emulator's Azure resource share: a client on it and the T-1000 dataset. */
final class Emulated {
    static final String SYSTEM = "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";
    static final String CLEANING_ANSWER =
            "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und Beschädigungen zu vermeiden.";
    static final WaitOptions FAST = WaitOptions.builder().timeout(Duration.ofMinutes(1))
            .fixedInterval(Duration.ofMillis(20)).build();

    private Emulated() {
    }

    /** An Azure client on the emulator's resource, with fast polls and short retry backoffs. */
    static FineTuneClient client(FineTuningEmulator emulator, AzureOpenAiFineTuning.Builder builder) {
        return builder.endpoint(emulator.azureEndpoint()).apiKey(emulator.apiKey())
                .buildClient(FineTuneClient.builder().defaultWaitOptions(FAST)
                        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))));
    }

    /** The ten T-1000 support chats. */
    static Dataset t1000() {
        return Dataset.builder().name("t1000").systemPrompt(SYSTEM)
                .example("Warum saugt mein T-1000 nicht mehr richtig?", "Es könnte ein verstopfter Filter sein.")
                .example("Warum ist dieser Staubsauger so laut?", "Die Lautstärke kann aufgrund von Fremdkörpern steigen.")
                .example("Warum hält der Akku nicht so lange?", "Laden Sie den Staubsauger nach jedem Gebrauch auf.")
                .example("Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?", CLEANING_ANSWER)
                .example("Wo bekomme ich Ersatzteile?", "Im Online-Shop oder beim Fachhändler.")
                .example("Wie lange gilt die Garantie?", "Zwei Jahre ab Kaufdatum.")
                .example("Das Ladegerät wird warm. Ist das normal?", "Eine leichte Erwärmung ist normal.")
                .example("Der Sauger pfeift. Was tun?", "Prüfen Sie den Schlauch auf Verstopfungen.")
                .example("Wie oft den Staubbehälter leeren?", "Nach jedem Gebrauch.")
                .example("Die Ladestation blinkt rot.", "Setzen Sie den Akku neu ein.")
                .build();
    }
}
