package io.github.finetune4j.cli.command;

import picocli.CommandLine.Option;

/** The flags that change what the pre-flight checks against (shared by validate, estimate and train). */
final class PreflightOptions {
    @Option(names = "--base-model", paramLabel = "MODEL",
            description = "Model to fine-tune (default: $FINETUNE_BASE_MODEL, else base-model, else "
                    + "gpt-4o-mini-2024-07-18).")
    String baseModel;

    @Option(names = "--method", paramLabel = "METHOD", description = "supervised or dpo (default: method, else "
            + "supervised).")
    String method;

    @Option(names = "--pii", paramLabel = "POLICY", description = "Personal data found: ignore, warn or fail "
            + "(default: pii, else warn).")
    String pii;

    @Option(names = "--epochs", paramLabel = "N|auto", description = "Epochs (default: hyperparameters.epochs, "
            + "else auto).")
    String epochs;
}
