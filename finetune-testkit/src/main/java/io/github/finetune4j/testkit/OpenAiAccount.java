package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobSeeder;

import java.util.Objects;
import java.util.Optional;

/**
 * The OpenAI account the emulator serves under {@link FineTuningEmulator#baseUrl()}, seen from the test, from
 * {@link FineTuningEmulator#openAi()}. Besides what every {@link ProviderAccount} offers, it can be seeded with
 * jobs and fine-tuned models that exist before the test starts.
 *
 * <pre>{@code
 * String fileId = ...;   // uploaded by the code under test, e.g. through the Uploads API
 * assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(sha256Of(localFile));
 * assertThat(emulator.openAi().fileIds()).hasSize(1);   // nothing orphaned
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class OpenAiAccount extends ProviderAccount {

    OpenAiAccount(EmulatorState state) {
        super(state, "OpenAI");
    }

    /**
     * Puts a job on the account as if it had been trained before the test: its training (and validation) file,
     * created at the job's date, the job itself ({@code succeeded}, with events, checkpoints and a result file),
     * and its fine-tuned model, listed by {@code GET /v1/models} with its base model's {@code shutdown_date}
     * and answering chat from its training data. The training file may have been deleted since
     * ({@link JobSeed.Builder#deleteTrainingFile()}). Does no I/O beyond the emulator's memory.
     *
     * <pre>{@code
     * SeededJob kept = emulator.openAi().seedSucceededJob(JobSeed.builder()
     *         .baseModel("gpt-4o-mini-2024-07-18").suffix("support").trainingData(train).build());
     * }</pre>
     *
     * @param seed what to seed
     * @return the ids of the job, its model and its files
     * @throws NullPointerException if {@code seed} is null
     * @throws IllegalArgumentException if the base model is unknown, the training data is not what the service
     *     would train on, or the date is too recent for the job to have finished
     */
    public SeededJob seedSucceededJob(JobSeed seed) {
        Objects.requireNonNull(seed, "seed");
        JobRecord job = state().transaction(s -> JobSeeder.seed(s, new JobSeeder.Request(seed.baseModel(),
                seed.suffix(), seed.trainingData(), seed.trainingFilename(), seed.validationData(),
                seed.validationFilename(), seed.epochs(), seed.createdAt().orElse(s.now().minus(JobSeed.DEFAULT_AGE)),
                seed.metadata(), seed.deletesTrainingFile())));
        // The next transaction brings the job up to date: its result file and model exist from then on.
        String resultFile = state().transaction(s -> s.jobs().get(job.id()).resultFileId());
        return new SeededJob(job.id(), job.fineTunedModel(), job.spec().trainingFile(),
                Optional.ofNullable(job.spec().validationFile()), resultFile);
    }
}
