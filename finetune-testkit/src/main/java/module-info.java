/**
 * finetune4j testkit: {@link io.github.finetune4j.testkit.FineTuningEmulator}, an in-process emulator of the
 * OpenAI, Azure OpenAI (with ARM deployments) and Together AI fine-tuning wire APIs for offline examples and
 * tests, and a JUnit 5 extension that provides it.
 */
module io.github.finetune4j.testkit {
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    // Only FineTuningEmulatorExtension needs JUnit. Not "static transitive": javac then demands JUnit on the module
    // path of every module that requires this one, even of an application that only starts the emulator
    // (finetune-release-test's consumer). Tests that use the extension require org.junit.jupiter.api anyway.
    requires static org.junit.jupiter.api;
    // Optional: the extension injects a FineTuneClient pointed at the emulator when finetune-openai is present.
    requires static io.github.finetune4j.openai;

    exports io.github.finetune4j.testkit;
}
