package io.github.finetune4j.core.internal.dataset;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.model.TrainingRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local check {@code FineTuneJob.start} runs before anything is uploaded: the hook where the full pre-flight
 * validation plugs in. Returns every finding; the caller aborts on errors and reports warnings.
 */
public final class DatasetCheck {
    /** The providers' minimum number of training examples. */
    public static final int MIN_EXAMPLES = 10;

    private DatasetCheck() {
    }

    /**
     * Checks a dataset for the method it will be trained with.
     *
     * @param data the dataset
     * @param method the training method of the job
     * @param baseModel the model to fine-tune
     * @return errors and warnings in file order; empty when all is well
     */
    public static List<DatasetIssue> check(Dataset data, FineTuneMethod method, String baseModel) {
        List<DatasetIssue> issues = new ArrayList<>();
        long count = 0;
        try (Stream<TrainingRecord> records = data.records()) {
            Iterator<TrainingRecord> it = records.iterator();
            while (it.hasNext()) {
                count++;
                TrainingRecord record = it.next();
                if (record.method() != method) {
                    issues.add(new DatasetIssue(data.source(), count, "", "method_mismatch", Severity.ERROR,
                            "line is a " + record.method().wireName() + " example but the job uses " + method.wireName()));
                } else if (record instanceof Example && ((Example) record).messages().stream()
                        .noneMatch(m -> m.role() == Role.ASSISTANT)) {
                    issues.add(new DatasetIssue(data.source(), count, "messages", "example_missing_assistant_message",
                            Severity.ERROR, "example has no assistant message to learn from"));
                }
            }
        } catch (DatasetValidationException e) {
            issues.addAll(e.issues());
            return issues;
        }
        if (count < MIN_EXAMPLES) {
            issues.add(new DatasetIssue(data.source(), 0, "", "too_few_examples", Severity.ERROR,
                    "the providers require at least " + MIN_EXAMPLES + " examples, found " + count));
        }
        return issues;
    }
}
