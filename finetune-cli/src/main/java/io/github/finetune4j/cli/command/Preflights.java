package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.run.Pricing;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The pre-flight check as {@code validate}, {@code estimate} and {@code train} run it. */
final class Preflights {
    private Preflights() {
    }

    static ValidationReport run(Settings settings, Path file, PreflightOptions flags, String provider) {
        ValidationOptions.Builder options = ValidationOptions.builder()
                .baseModel(settings.baseModel(flags.baseModel))
                .method(settings.method(flags.method))
                .piiPolicy(settings.pii(flags.pii))
                .priceTable(Pricing.forProvider(provider));
        settings.fixedEpochs(flags.epochs).ifPresent(options::epochs);
        return Dataset.fromJsonl(requireFile(file, "training file")).validate(options.build());
    }

    static Path requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(what + " not found: " + file);
        }
        return file;
    }

    static Path trainingFile(Settings settings, String flag) {
        return settings.trainingFile(flag).orElseThrow(() -> new CliException("no training file: give one as an "
                + "argument or --training-file, or set training-file in " + settings.config().file().getFileName()
                + " (`finetune init` writes an example)"));
    }
}
