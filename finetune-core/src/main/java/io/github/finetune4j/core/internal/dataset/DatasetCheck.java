package io.github.finetune4j.core.internal.dataset;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.internal.preflight.Preflight;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.util.List;

/**
 * The local check {@code FineTuneJob.start} runs before anything is uploaded: the full pre-flight
 * ({@link Dataset#validate(ValidationOptions)}). The caller aborts on errors and reports warnings.
 */
public final class DatasetCheck {
    /** The providers' minimum number of training examples. */
    public static final int MIN_EXAMPLES = Preflight.MIN_EXAMPLES;

    private DatasetCheck() {
    }

    /**
     * Checks a dataset for the method it will be trained with, against OpenAI's limits, with personal data reported
     * as warnings.
     *
     * @param data the dataset
     * @param method the training method of the job
     * @param baseModel the model to fine-tune
     * @return errors and warnings in file order (file-wide ones first); empty when all is well
     */
    public static List<DatasetIssue> check(Dataset data, FineTuneMethod method, String baseModel) {
        return preflight(data, ValidationOptions.builder().baseModel(baseModel).method(method).build()).issues();
    }

    /**
     * Runs the full pre-flight with the caller's options (provider price table, fixed epochs, personal-data policy).
     *
     * @param data the dataset
     * @param options the options
     * @return the report; {@link ValidationReport#issues()} holds what {@link #check} returns
     */
    public static ValidationReport preflight(Dataset data, ValidationOptions options) {
        return data.validate(options);
    }
}
