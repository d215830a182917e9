package io.github.finetune4j.together;

import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.preflight.ProviderEstimate;

import java.nio.file.Path;
import java.util.List;

/**
 * What only Together AI has, reached through the client's one extension hook:
 *
 * <pre>{@code
 * try (FineTuneClient client = FineTuneClient.fromEnv()) {               // TOGETHER_API_KEY
 *     TogetherAi together = client.extension(TogetherAi.class);
 *     WeightDownload adapter = together.downloadWeights(done.id(), WeightKind.ADAPTER,
 *             Path.of("t1000-adapter.tar.zst"), (written, total) -> System.out.print("."));
 *     System.out.println(adapter.sha256());
 * }
 * }</pre>
 *
 * <p>The price estimate is also asked by {@code FineTuneJob.start} itself before it creates a job, and reported to
 * {@code JobListener.onProviderEstimate}. Each method does I/O and may throw the exceptions of the core hierarchy
 * ({@link io.github.finetune4j.core.error.ApiException} for an error status,
 * {@link io.github.finetune4j.core.error.TransportException}, ...). Thread-safe.
 */
public interface TogetherAi {
    /**
     * Asks Together what a job would cost ({@code POST /fine-tunes/estimate-price}); the files must be uploaded and
     * have passed the service's file check.
     *
     * @param request the job, with {@code trainingFile} (and {@code validationFile}) given by id
     * @return the service's estimate
     * @throws IllegalArgumentException if the request carries data instead of uploaded file ids, or options of
     *     another provider
     */
    ProviderEstimate estimatePrice(FineTuneRequest request);

    /**
     * Downloads the weights of a completed job to a file, in parts ({@code Range} requests, each retried by the
     * transport), so memory stays flat whatever the size. A file {@code <target>.part} left by an interrupted
     * download is continued rather than started again; the finished file replaces {@code target}.
     *
     * @param job the completed job
     * @param kind which weights
     * @param target the file to write
     * @param progress called after each part
     * @return the file with its size and SHA-256
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    WeightDownload downloadWeights(JobId job, WeightKind kind, Path target, DownloadProgress progress);

    /**
     * Downloads an intermediate checkpoint ({@code checkpoint_step}); see {@link #downloadWeights}.
     *
     * @param job the job
     * @param step the checkpoint's step, as {@code client.checkpoints(...)} lists it
     * @param target the file to write
     * @param progress called after each part
     * @return the file with its size and SHA-256
     * @throws IllegalArgumentException if {@code step} is negative
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    WeightDownload downloadCheckpoint(JobId job, long step, Path target, DownloadProgress progress);

    /**
     * The job's training metrics ({@code GET /fine-tunes/{id}/metrics}): {@code train_loss} and
     * {@code valid_loss} (Together's {@code train/loss}, {@code eval/loss}) and every other scalar the service
     * logs, with {@code /} written as {@code _} ({@code train_learning_rate}, {@code train_epoch}).
     *
     * @param job the job
     * @return the series by step; empty before training starts
     */
    TrainingHistory metrics(JobId job);

    /**
     * The base models this account can fine-tune ({@code GET /fine-tunes/models/supported}); the list changes
     * often.
     *
     * @return the model names
     */
    List<String> supportedModels();

    /**
     * Deletes a job and, irreversibly, all its checkpoints and weights on Together ({@code DELETE
     * /fine-tunes/{id}}); a copy pushed to the Hub or downloaded stays.
     *
     * @param job the job
     * @return true when the service confirmed
     */
    boolean deleteJob(JobId job);
}
