package io.github.finetune4j.together;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testsupport.RecordingTransport;

import java.time.Duration;

/** Clients for the tests: pointed at the emulator's Together dialect, polling fast, optionally recording. */
public final class TogetherTestClients {
    static final String LLAMA = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
    static final String QWEN = "Qwen/Qwen3-8B";
    static final String SYSTEM_PROMPT =
            "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";
    static final String CLEANING_ANSWER = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu "
            + "verlängern und Beschädigungen zu vermeiden.";

    private TogetherTestClients() {
    }

    public static FineTuneClient client(FineTuningEmulator emulator) {
        return TogetherAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.togetherBaseUrl())
                .buildClient(fast());
    }

    public static io.github.finetune4j.core.FineTuneClientBuilder fast() {
        return FineTuneClient.builder()
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(10))
                        .timeout(Duration.ofSeconds(30)).build());
    }

    /** A client whose provider sends every request through a {@link RecordingTransport}. */
    public static FineTuneClient recording(FineTuningEmulator emulator, Recorder recorder) {
        return fast().provider(recorder.wrap(TogetherAiFineTuning.builder().apiKey(emulator.apiKey())
                .baseUrl(emulator.togetherBaseUrl()).build())).build();
    }

    /** The twelve T-1000 examples (as in finetune-examples), enough for Together's file check and the answers. */
    public static Dataset t1000() {
        return Dataset.builder().name("t1000-kundenservice").systemPrompt(SYSTEM_PROMPT)
                .example("Warum saugt mein T-1000 nicht mehr richtig?", "Es könnte ein verstopfter Filter sein. "
                        + "Bitte überprüfen Sie den Filter und reinigen Sie ihn gegebenenfalls.")
                .example("Warum ist dieser Staubsauger so laut?", "Die Lautstärke kann aufgrund von Fremdkörpern "
                        + "in der Bürste steigen. Bitte überprüfen Sie diese.")
                .example("Warum hält der Akku nicht so lange?", "Häufiges und langes Saugen entlädt den Akku "
                        + "schneller. Laden Sie den Staubsauger nach jedem Gebrauch auf.")
                .example("Kann ich kein normales Reinigungsmittel für meinen T-1000 verwenden?", CLEANING_ANSWER)
                .example("Wo bekomme ich Ersatzteile für den T-1000?", "Originale Ersatzteile erhalten Sie in "
                        + "unserem Online-Shop oder bei autorisierten Fachhändlern.")
                .example("Wie lange gilt die Garantie auf den Staubsauger?", "Die Garantie beträgt zwei Jahre ab "
                        + "Kaufdatum.")
                .example("Das Ladegerät wird beim Laden sehr warm. Ist das normal?", "Eine leichte Erwärmung ist "
                        + "normal.")
                .example("Der Sauger macht ein pfeifendes Geräusch. Was soll ich tun?", "Ein Pfeifen deutet oft auf "
                        + "eine Verstopfung im Schlauch hin.")
                .example("Wie oft sollte ich den Staubbehälter leeren?", "Nach jedem Gebrauch, spätestens bei MAX.")
                .example("Schafft das Gerät auch Tierhaare?", "Ja, mit der mitgelieferten Turbobürste.")
                .example("Die Ladestation blinkt rot. Was bedeutet das?", "Ein rotes Blinken zeigt einen Ladefehler "
                        + "an.")
                .example("Darf ich damit auch nasse Flächen saugen?", "Nein, der T-1000 ist nur für trockenen "
                        + "Schmutz geeignet.")
                .build();
    }

    /** Wraps a factory so that its provider's transport records every call. */
    static final class Recorder {
        private RecordingTransport transport;

        FineTuneProviderFactory wrap(FineTuneProviderFactory delegate) {
            return new FineTuneProviderFactory() {
                @Override
                public String id() {
                    return delegate.id();
                }

                @Override
                public boolean isConfigured(io.github.finetune4j.core.EnvironmentLookup environment) {
                    return delegate.isConfigured(environment);
                }

                @Override
                public FineTuneProvider create(ProviderContext context) {
                    transport = new RecordingTransport(context.transport());
                    return delegate.create(new ProviderContext(context.environment(), transport,
                            context.objectMapper(), context.clock(), context.userAgent(),
                            context.allowInsecureHttp()));
                }
            };
        }

        RecordingTransport transport() {
            return transport;
        }
    }
}
