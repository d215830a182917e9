package io.github.finetune4j.maven;

import io.github.finetune4j.cli.run.Pricing;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.preflight.PiiPolicy;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.Locale;

/** The settings every goal shares: which data, for which model, on which provider. */
abstract class AbstractFinetuneMojo extends AbstractMojo {
    /** The training data, one JSON object per line. */
    @Parameter(property = "finetune.trainingFile", defaultValue = "${project.basedir}/src/main/finetune/train.jsonl")
    File trainingFile;

    /** Optional validation data. */
    @Parameter(property = "finetune.validationFile")
    File validationFile;

    /** The model to fine-tune; picks the tokenizer, the per-example limit and the price. */
    @Parameter(property = "finetune.baseModel", defaultValue = "gpt-4o-mini-2024-07-18")
    String baseModel;

    /** {@code supervised} or {@code dpo}. */
    @Parameter(property = "finetune.method", defaultValue = "supervised")
    String method;

    /** Personal data found in the data: {@code ignore}, {@code warn} or {@code fail}. */
    @Parameter(property = "finetune.pii", defaultValue = "warn")
    String pii;

    /** Fixed epochs, or {@code auto} (the provider decides; the estimate assumes what it would choose). */
    @Parameter(property = "finetune.epochs", defaultValue = "auto")
    String epochs;

    /**
     * Where jobs run: {@code auto} (the provider the environment configures), {@code openai},
     * {@code azure-openai}, any provider id on the plugin's class path, or {@code emulator} (an emulator inside
     * the build, offline; its models are gone when the build ends). Also picks the price table.
     */
    @Parameter(property = "finetune.provider", defaultValue = "auto")
    String provider;

    /** Skips the goal. */
    @Parameter(property = "finetune.skip", defaultValue = "false")
    boolean skip;

    FineTuneMethod methodValue() throws MojoExecutionException {
        switch (method.toLowerCase(Locale.ROOT)) {
            case "supervised": return FineTuneMethod.SUPERVISED;
            case "dpo": return FineTuneMethod.DPO;
            default: throw new MojoExecutionException("method must be supervised or dpo: " + method);
        }
    }

    PiiPolicy piiValue() throws MojoExecutionException {
        switch (pii.toLowerCase(Locale.ROOT)) {
            case "ignore": return PiiPolicy.IGNORE;
            case "warn": return PiiPolicy.WARN;
            case "fail": return PiiPolicy.FAIL;
            default: throw new MojoExecutionException("pii must be ignore, warn or fail: " + pii);
        }
    }

    Integer fixedEpochs() throws MojoExecutionException {
        if (epochs == null || epochs.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Integer.valueOf(epochs.strip());
        } catch (NumberFormatException e) {
            throw new MojoExecutionException("epochs must be a number or auto: " + epochs, e);
        }
    }

    /** Runs the pre-flight check of one file, logging warnings; returns the report. */
    ValidationReport check(File file) throws MojoExecutionException, MojoFailureException {
        if (file == null || !file.isFile()) {
            throw new MojoFailureException("training data not found: " + file
                    + " (set <trainingFile> or -Dfinetune.trainingFile)");
        }
        ValidationOptions.Builder options = ValidationOptions.builder().baseModel(baseModel).method(methodValue())
                .piiPolicy(piiValue()).priceTable(Pricing.forProvider(provider));
        Integer fixed = fixedEpochs();
        if (fixed != null) {
            options.epochs(fixed);
        }
        try {
            return Dataset.fromJsonl(file.toPath()).validate(options.build());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
