/**
 * finetune4j testkit: {@link io.github.finetune4j.testkit.FineTuningEmulator}, an in-process emulator of the
 * OpenAI, Azure OpenAI (with ARM deployments) and Together AI fine-tuning wire APIs for offline examples and
 * tests, and a JUnit 5 extension that provides it.
 */
module io.github.finetune4j.testkit {
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    // Only FineTuningEmulatorExtension needs JUnit, and its signatures expose JUnit types.
    requires static transitive org.junit.jupiter.api;
    // Optional: the extension injects a FineTuneClient pointed at the emulator when finetune-openai is present.
    requires static io.github.finetune4j.openai;

    exports io.github.finetune4j.testkit;
}
