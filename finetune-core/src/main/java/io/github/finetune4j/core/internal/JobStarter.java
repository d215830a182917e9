package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.internal.dataset.DatasetCheck;
import io.github.finetune4j.core.internal.dataset.JsonlWriter;
import io.github.finetune4j.core.internal.poll.Listeners;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.model.TrainingRecord;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.LargeFileUploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts a job in order: local check, streamed upload, wait for processing, then creation exactly once. The
 * idempotency key goes into the job's metadata; after an ambiguous failure the jobs are listed by that key before
 * creation is tried again, so a retry never makes a second billable job.
 */
final class JobStarter {
    /** Metadata key holding the client-generated idempotency key. */
    static final String IDEMPOTENCY_METADATA_KEY = "finetune4j_idempotency_key";
    private static final int MAX_CREATE_ATTEMPTS = 3;
    /** Pre-flight codes about the number of examples, which concern training files only. */
    private static final Set<String> EXAMPLE_COUNT_CODES = Set.of("too_few_examples", "few_examples");
    /** Tolerated difference between our clock and the provider's when matching a job by its creation time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(JobStarter.class.getName());

    private final FineTuneProvider provider;
    private final FileProcessingWaiter fileWaiter;
    private final Duration fileProcessingTimeout;
    private final Supplier<String> keys;
    private final LifecycleGuard guard;
    private final Clock clock;
    private final long partedThreshold;
    private final long partBytes;

    JobStarter(FineTuneProvider provider, FileProcessingWaiter fileWaiter, Duration fileProcessingTimeout,
               Supplier<String> keys, LifecycleGuard guard, Clock clock) {
        this(provider, fileWaiter, fileProcessingTimeout, keys, guard, clock, PartedUpload.THRESHOLD_BYTES,
                PartedUpload.PART_BYTES);
    }

    /** For tests: files above {@code partedThreshold} bytes go up in parts of {@code partBytes}. */
    JobStarter(FineTuneProvider provider, FileProcessingWaiter fileWaiter, Duration fileProcessingTimeout,
               Supplier<String> keys, LifecycleGuard guard, Clock clock, long partedThreshold, long partBytes) {
        this.partedThreshold = partedThreshold;
        this.partBytes = partBytes;
        this.provider = provider;
        this.clock = clock;
        this.guard = guard;
        this.fileWaiter = fileWaiter;
        this.fileProcessingTimeout = fileProcessingTimeout;
        this.keys = keys;
    }

    JobSnapshot start(FineTuneRequest request, Listeners listeners) {
        guard.check(request.baseModel()).forEach(w -> listeners.fire(l -> l.onLifecycleWarning(w)));
        request.trainingData().ifPresent(d -> check(d, request, listeners, true));
        request.validationData().ifPresent(d -> check(d, request, listeners, false));
        FileId training = request.trainingFile().orElseGet(() -> upload(request.trainingData().orElseThrow(), listeners));
        Optional<FileId> validation = request.validationFile()
                .or(() -> request.validationData().map(d -> upload(d, listeners)));
        awaitProcessed(training, listeners);
        validation.ifPresent(v -> awaitProcessed(v, listeners));
        String key = keys.get();
        Map<String, String> metadata = new HashMap<>(request.metadata());
        metadata.put(IDEMPOTENCY_METADATA_KEY, key);
        JobCreation creation = new JobCreation(request.baseModel(), training, validation, request.suffix(),
                request.seed(), metadata, request.method(), request.hyperparameters(), request.extraBodyProperties(), key);
        JobSnapshot created = createExactlyOnce(creation);
        listeners.fire(l -> l.onJobCreated(created));
        return created;
    }

    FileInfo upload(Dataset data) {
        Path file = data.file().orElseGet(() -> {
            try (Stream<TrainingRecord> records = data.records()) {
                return JsonlWriter.toTempFile(records, data.name());
            } catch (UncheckedIOException e) {
                throw new FineTuneException("cannot write a temporary JSONL file for " + data.name() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        });
        try {
            String filename = data.name().endsWith(".jsonl") ? data.name() : data.name() + ".jsonl";
            long bytes = Files.size(file);
            Optional<LargeFileUploads> parts = provider.feature(LargeFileUploads.class);
            if (parts.isPresent() && bytes > partedThreshold) {
                return new PartedUpload(parts.get(), partBytes).upload(file, filename, bytes, FileUpload.FINE_TUNE);
            }
            return provider.uploadFile(new FileUpload(file, filename, bytes, FileUpload.FINE_TUNE));
        } catch (IOException e) {
            throw new FineTuneException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            if (data.file().isEmpty()) {
                deleteQuietly(file);
            }
        }
    }

    private FileId upload(Dataset data, Listeners listeners) {
        FileInfo info = upload(data);
        listeners.fire(l -> l.onFileUploaded(info));
        return info.id();
    }

    private void awaitProcessed(FileId id, Listeners listeners) {
        FileInfo processed = fileWaiter.await(id, fileProcessingTimeout);
        listeners.fire(l -> l.onFileProcessed(processed));
    }

    /**
     * Runs the full pre-flight on one dataset: errors abort the start before anything is uploaded; the training
     * report (token statistics, cost estimate) and every warning go to the listener. The minimum example count
     * applies to training data only.
     */
    private void check(Dataset data, FineTuneRequest request, Listeners listeners, boolean training) {
        ValidationOptions.Builder options = ValidationOptions.builder().baseModel(request.baseModel())
                .method(request.method()).priceTable(provider.capabilities().priceTable());
        request.hyperparameters().epochs().flatMap(e -> e.number().isPresent()
                ? Optional.of((int) e.number().getAsDouble()) : Optional.empty()).ifPresent(options::epochs);
        ValidationReport report = DatasetCheck.preflight(data, options.build());
        List<DatasetIssue> issues = report.issues().stream()
                .filter(i -> training || !EXAMPLE_COUNT_CODES.contains(i.code()))
                .collect(Collectors.toList());
        if (issues.stream().anyMatch(i -> i.severity() == Severity.ERROR)) {
            throw new DatasetValidationException(issues);
        }
        if (training) {
            listeners.fire(l -> l.onPreflight(report));
        }
        issues.forEach(i -> listeners.fire(l -> l.onDatasetIssue(i)));
    }

    private JobSnapshot createExactlyOnce(JobCreation creation) {
        Instant firstAttempt = clock.instant();
        FineTuneException last = null;
        for (int attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                Optional<JobSnapshot> existing = findOrThrow(creation, firstAttempt, last);
                if (existing.isPresent()) {
                    LOG.log(System.Logger.Level.INFO, "job {0} was created by an earlier attempt", existing.get().id());
                    return existing.get();
                }
            }
            try {
                return provider.createJob(creation);
            } catch (TransportException e) {
                if (!e.isRequestPossiblySent()) {
                    throw e;
                }
                last = e;
            } catch (ServerException e) {
                last = e;
            }
            LOG.log(System.Logger.Level.INFO, "job creation failed ambiguously (attempt {0}): {1}", attempt,
                    last.getMessage());
        }
        Optional<JobSnapshot> existing = findOrThrow(creation, firstAttempt, last);
        if (existing.isPresent()) {
            return existing.get();
        }
        throw last;
    }

    private Optional<JobSnapshot> findOrThrow(JobCreation creation, Instant firstAttempt, FineTuneException ambiguous) {
        try {
            return find(creation, firstAttempt);
        } catch (FineTuneException e) {
            // Without the lookup a retry could create a second job: surface the original failure instead.
            ambiguous.addSuppressed(e);
            throw ambiguous;
        }
    }

    /**
     * Looks for the job an ambiguous attempt may have created: by the idempotency key in its metadata, or, for
     * providers that do not echo metadata, by the same training and validation file, base model, suffix and seed,
     * created since shortly before the first attempt.
     */
    private Optional<JobSnapshot> find(JobCreation creation, Instant firstAttempt) {
        String key = creation.idempotencyKey();
        PageRequest request = PageRequest.first().withLimit(50);
        if (provider.capabilities().supportsMetadataFilter()) {
            request = request.withMetadata(IDEMPOTENCY_METADATA_KEY, key);
        }
        List<JobSnapshot> recent = provider.listJobs(request).items();
        Optional<JobSnapshot> byKey = recent.stream()
                .filter(j -> key.equals(j.metadata().get(IDEMPOTENCY_METADATA_KEY))).findFirst();
        if (byKey.isPresent() || provider.capabilities().supportsMetadataFilter()) {
            return byKey;
        }
        Instant since = firstAttempt.minus(CLOCK_SKEW);
        return recent.stream()
                .filter(j -> j.metadata().isEmpty())
                .filter(j -> j.trainingFile().equals(creation.trainingFile())
                        && j.validationFile().equals(creation.validationFile())
                        && (creation.suffix().isEmpty() || j.suffix().isEmpty() || j.suffix().equals(creation.suffix()))
                        && (creation.seed().isEmpty() || j.seed().isEmpty() || j.seed().equals(creation.seed()))
                        && !j.createdAt().isBefore(since))
                .findFirst();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Path dir = file.getParent();
            if (dir != null && dir.getFileName().toString().startsWith("finetune4j-")) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete temporary file {0}", file);
        }
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
