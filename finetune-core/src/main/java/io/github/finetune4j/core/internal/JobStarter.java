package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.JobCreationUncertainException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.internal.dataset.DatasetCheck;
import io.github.finetune4j.core.internal.poll.Listeners;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.PriceEstimates;
import io.github.finetune4j.core.spi.StartCheck;
import io.github.finetune4j.core.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Starts a job in order: lifecycle guard, the provider's own start check ({@link StartCheck}), pre-flight, the
 * idempotency key, a job of an earlier run with that key (then nothing more happens), files put on the provider at
 * most once, processing awaited, the provider's price estimate ({@link PriceEstimates}) reported, the job created
 * exactly once. A start that fails for good deletes the files it uploaded, unless the request keeps them.
 */
final class JobStarter {
    /** Pre-flight codes about the number of examples, which concern training files only. */
    private static final Set<String> EXAMPLE_COUNT_CODES = Set.of("too_few_examples", "few_examples");
    /** Extra time, beyond the request timeout, for a create request that timed out to land at the provider. */
    private static final Duration LANDING_MARGIN = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(JobStarter.class.getName());

    private final FineTuneProvider provider;
    private final FileProcessingWaiter fileWaiter;
    private final ClientConfig config;
    private final LifecycleGuard guard;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    JobStarter(FineTuneProvider provider, FileProcessingWaiter fileWaiter, ClientConfig config, LifecycleGuard guard,
               Sleeper sleeper, DoubleSupplier random) {
        this.provider = provider;
        this.fileWaiter = fileWaiter;
        this.config = config;
        this.guard = guard;
        this.sleeper = sleeper;
        this.random = random;
    }

    JobSnapshot start(FineTuneRequest request, Listeners listeners) {
        guard.check(request.baseModel()).forEach(w -> listeners.fire(l -> l.onLifecycleWarning(w)));
        request.providerOptions().filter(o -> !o.providerId().equals(provider.id())).ifPresent(o -> {
            throw new IllegalArgumentException("the request carries options for " + o.providerId() + " ("
                    + o.getClass().getSimpleName() + "), but this client's provider is " + provider.id());
        });
        provider.feature(StartCheck.class).ifPresent(c -> c.check(request));
        request.trainingData().ifPresent(d -> check(d, request, listeners, true));
        request.validationData().ifPresent(d -> check(d, request, listeners, false));
        Optional<StagedFile> training = request.trainingData().map(StagedFile::of);
        Optional<StagedFile> validation = Optional.empty();
        FileStager stager = new FileStager(provider, partedUploads(), listeners);
        try {
            validation = request.validationData().map(StagedFile::of);
            String key = IdempotencyKeys.of(request, content(training, request.trainingFile()),
                    request.validationData().isPresent() || request.validationFile().isPresent()
                            ? Optional.of(content(validation, request.validationFile())) : Optional.empty());
            ExactlyOnce exactlyOnce = new ExactlyOnce(provider, config.retryPolicy(),
                    config.requestTimeout().plus(LANDING_MARGIN), config.clock(), sleeper, random, listeners,
                    new PendingCreates(config.largeFiles().stateDirectory(), provider.id()));
            Optional<JobSnapshot> earlier = exactlyOnce.byKey(key);
            if (earlier.isPresent()) {
                return reused(earlier.get(), listeners);
            }
            FileId trainingId = training.map(f -> stager.put(f).id()).orElseGet(() -> request.trainingFile().orElseThrow());
            Optional<StagedFile> validationStaged = validation;
            Optional<FileId> validationId = request.validationFile()
                    .or(() -> validationStaged.map(f -> stager.put(f).id()));
            awaitProcessed(trainingId, listeners);
            validationId.ifPresent(v -> awaitProcessed(v, listeners));
            Map<String, String> metadata = new HashMap<>(request.metadata());
            metadata.put(FineTuneRequest.IDEMPOTENCY_METADATA_KEY, key);
            JobCreation creation = new JobCreation(request.baseModel(), trainingId, validationId, request.suffix(),
                    request.seed(), metadata, request.method(), request.hyperparameters(),
                    request.extraBodyProperties(), key, request.providerOptions());
            if (!provider.capabilities().supportsMetadataFilter() && request.idempotencyKey().isEmpty()) {
                Optional<JobSnapshot> sameContent = exactlyOnce.byContent(creation);
                if (sameContent.isPresent()) {
                    return reused(sameContent.get(), listeners);
                }
            }
            // An earlier run may have died with its create request still on the way: wait for it before creating.
            Optional<JobSnapshot> inFlight = exactlyOnce.landedFromEarlierRun(creation);
            if (inFlight.isPresent()) {
                return reused(inFlight.get(), listeners);
            }
            provider.feature(PriceEstimates.class).ifPresent(p -> estimate(p, creation, listeners));
            JobSnapshot created = exactlyOnce.create(creation);
            listeners.fire(l -> l.onJobCreated(created));
            return created;
        } catch (RuntimeException e) {
            if (failedForGood(e) && !request.keepFilesOnFailure()) {
                stager.deleteUploaded(e);
            }
            throw e;
        } finally {
            training.ifPresent(StagedFile::release);
            validation.ifPresent(StagedFile::release);
        }
    }

    /** Uploads one dataset on its own (no job): found again if already there, else uploaded. */
    FileInfo upload(Dataset data) {
        StagedFile staged = StagedFile.of(data);
        try {
            return new FileStager(provider, partedUploads(), new Listeners(List.of())).put(staged);
        } finally {
            staged.release();
        }
    }

    private static JobSnapshot reused(JobSnapshot earlier, Listeners listeners) {
        LOG.log(listeners.progressLevel(), "job {0} of an earlier run has the same idempotency key; using it instead "
                + "of creating another (status {1})", earlier.id(), earlier.rawStatus());
        listeners.fire(l -> l.onJobReused(earlier));
        return earlier;
    }

    /**
     * A job of an ambiguous create may exist, a wait that ran out may still end well, an interrupted start may be
     * resumed: their files may still be used. Everything else will not create a job with these files.
     */
    private static boolean failedForGood(RuntimeException e) {
        return !(e instanceof JobCreationUncertainException || e instanceof WaitTimeoutException
                || e instanceof FineTuneInterruptedException);
    }

    private static String content(Optional<StagedFile> staged, Optional<FileId> file) {
        return staged.map(f -> "sha256:" + f.sha256()).orElseGet(() -> "file:" + file.orElseThrow().value());
    }

    /**
     * The provider's estimate is information next to ours: a failing estimate is logged and the start goes on (the
     * create request is where the provider refuses a job it will not run).
     */
    private void estimate(PriceEstimates estimates, JobCreation creation, Listeners listeners) {
        try {
            io.github.finetune4j.core.preflight.ProviderEstimate estimate = estimates.estimate(creation);
            LOG.log(estimate.allowedToProceed().orElse(true) ? System.Logger.Level.INFO
                    : System.Logger.Level.WARNING, "{0}", estimate.toText());
            listeners.fire(l -> l.onProviderEstimate(estimate));
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (FineTuneException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} could not estimate the job''s price: {1}", provider.id(),
                    e.getMessage());
        }
    }

    private void awaitProcessed(FileId id, Listeners listeners) {
        FileInfo processed = fileWaiter.await(id, config.fileProcessingTimeout());
        listeners.fire(l -> l.onFileProcessed(processed));
    }

    private PartedUploads partedUploads() {
        return new PartedUploads(config.largeFiles(), provider.id(), config.clock());
    }

    /**
     * Runs the full pre-flight on one dataset: errors abort the start before anything is uploaded; the training
     * report (token statistics, cost estimate) and every warning go to the listener. The minimum example count
     * applies to training data only.
     */
    private void check(Dataset data, FineTuneRequest request, Listeners listeners, boolean training) {
        ValidationOptions.Builder options = ValidationOptions.builder().baseModel(request.baseModel())
                .method(request.method()).priceTable(provider.capabilities().priceTable());
        request.tokenizer().ifPresent(options::tokenizer);
        request.chatTemplate().ifPresent(options::chatTemplate);
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
}
