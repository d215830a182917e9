package io.github.finetune4j.testkit;

import java.util.Objects;
import java.util.Optional;

/**
 * A job {@link OpenAiAccount#seedSucceededJob(JobSeed)} put on the emulator's OpenAI side, succeeded, with the
 * ids a test needs to check what a client finds.
 *
 * @param jobId the job id, {@code ftjob-…}
 * @param fineTunedModel the fine-tuned model, {@code ft:<base>:<organization>:<suffix>:<id>}
 * @param trainingFileId the training file the job names (deleted when the seed said so)
 * @param validationFileId the validation file, or empty
 * @param resultFileId the result file ({@code step_metrics.csv})
 */
public record SeededJob(String jobId, String fineTunedModel, String trainingFileId,
                        Optional<String> validationFileId, String resultFileId) {

    /**
     * Checks the components.
     *
     * @param jobId the job id
     * @param fineTunedModel the fine-tuned model
     * @param trainingFileId the training file
     * @param validationFileId the validation file, or empty
     * @param resultFileId the result file
     */
    public SeededJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(fineTunedModel, "fineTunedModel");
        Objects.requireNonNull(trainingFileId, "trainingFileId");
        Objects.requireNonNull(validationFileId, "validationFileId");
        Objects.requireNonNull(resultFileId, "resultFileId");
    }
}
