package io.github.finetune4j.cli.run;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.PageRequest;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starts a training run exactly once, or re-attaches to it: the job of an earlier run with the same
 * {@link RunKey} (saved in the {@link RunStore}, or found by the key in the jobs' metadata when the earlier process
 * died before it could save) is picked up instead of starting a second, billable job.
 *
 * <pre>{@code
 * TrainRun run = new TrainRun(client, "openai", false, RunStore.at(stateFile), clock, out::println);
 * TrainRun.Started started = run.startOrAttach(spec, false, progress);
 * JobSnapshot done = run.await(started, waitOptions);
 * }</pre>
 */
public final class TrainRun {
    private static final int LOOKUP_LIMIT = 20;

    private final FineTuneClient client;
    private final String provider;
    private final boolean ephemeral;
    private final RunStore store;
    private final Clock clock;
    private final Consumer<String> notice;

    /**
     * Creates the starter.
     *
     * @param client the client
     * @param provider the provider label stored with runs and mixed into the key ({@code emulator:8089},
     *     {@code openai}, ...)
     * @param ephemeral whether the provider forgets its jobs when it stops (the local emulator): a saved job that is
     *     gone then means "start over" rather than an error
     * @param store the state file
     * @param clock the clock for saved times
     * @param notice receives one-line notices for the user (re-attached, started over)
     */
    public TrainRun(FineTuneClient client, String provider, boolean ephemeral, RunStore store, Clock clock,
                    Consumer<String> notice) {
        this.client = Objects.requireNonNull(client, "client");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ephemeral = ephemeral;
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    /**
     * Re-attaches to the job of this run, or starts it (validating and uploading the data first).
     *
     * @param spec what to train
     * @param fresh true to start a new job even when one for the same data and settings exists
     * @param progress receives the pre-flight report, uploads and the job's creation
     * @return the job and how it was obtained
     * @throws CliException if the run's job failed or was cancelled, or its saved job is gone from a real provider
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider refuses a step
     */
    public Started startOrAttach(TrainSpec spec, boolean fresh, JobListener progress) {
        String baseKey = RunKey.of(provider, spec);
        if (fresh) {
            store.saveSalt(baseKey, UUID.randomUUID().toString());
        }
        String key = store.salt(baseKey).map(salt -> RunKey.salted(baseKey, salt)).orElse(baseKey);
        Optional<RunStore.Run> saved = store.find(key);
        if (saved.isPresent()) {
            Optional<FineTuneJob> job = attachSaved(saved.get());
            if (job.isPresent()) {
                requireUsable(job.get().latest());
                notice.accept("Re-attaching to job " + job.get().id() + " (started earlier with the same data and "
                        + "settings; saved in " + store.file().getFileName() + ")");
                return new Started(job.get(), key, true);
            }
        }
        Optional<JobSnapshot> found = findByKey(key);
        if (found.isPresent()) {
            requireUsable(found.get());
            store.save(new RunStore.Run(key, found.get().id().value(), provider, spec.baseModel(), clock.instant(),
                    found.get().fineTunedModel()));
            notice.accept("Found job " + found.get().id() + ", created by an earlier run with the same data and "
                    + "settings; re-attaching");
            return new Started(client.attach(found.get().id()), key, true);
        }
        FineTuneRequest request = RunKey.applyTo(spec.toRequest(), key).build();
        JobListener saver = new JobListener() {
            @Override
            public void onJobCreated(JobSnapshot job) {
                // Saved the moment the job exists: a process killed from here on finds it again.
                store.save(new RunStore.Run(key, job.id().value(), provider, spec.baseModel(), clock.instant(),
                        Optional.empty()));
            }
        };
        FineTuneJob job = client.start(request, new ListenerPair(saver, progress));
        if (store.find(key).filter(r -> r.jobId().equals(job.id().value())).isEmpty()) {
            saver.onJobCreated(job.latest());
        }
        return new Started(job, key, false);
    }

    /**
     * Waits for the run's job and records the fine-tuned model in the state file. A job started by this run keeps
     * the listeners it was started with (the progress display among them), so the options' listeners are used only
     * for a job found again.
     *
     * @param started the started run
     * @param options budget, cadence and listeners
     * @return the succeeded job
     * @throws io.github.finetune4j.core.error.FineTuneException as {@link FineTuneJob#awaitCompletion(WaitOptions)}
     */
    public JobSnapshot await(Started started, WaitOptions options) {
        JobSnapshot done = started.job().awaitCompletion(started.attached() ? options
                : options.toBuilder().clearListeners().build());
        recordModel(started.key(), done);
        return done;
    }

    /**
     * Records the model of a succeeded job in the state file, if the job belongs to a saved run.
     *
     * @param key the run key
     * @param done the succeeded job
     */
    public void recordModel(String key, JobSnapshot done) {
        done.fineTunedModel().ifPresent(model -> store.find(key)
                .ifPresent(run -> store.save(run.withModel(model, clock.instant()))));
    }

    private Optional<FineTuneJob> attachSaved(RunStore.Run run) {
        try {
            return Optional.of(client.attach(JobId.of(run.jobId())));
        } catch (NotFoundException e) {
            if (ephemeral) {
                notice.accept("Job " + run.jobId() + " from " + store.file().getFileName() + " no longer exists: the "
                        + "emulator that ran it has stopped (it keeps jobs in memory only). Starting a new job.");
                store.forget(run.key());
                return Optional.empty();
            }
            throw new CliException("job " + run.jobId() + " (saved in " + store.file().getFileName() + " for this "
                    + "data and these settings) was not found on " + run.provider() + ": was it deleted, or is this "
                    + "another organization or project? To start a new job, run `finetune train --new`.", e);
        }
    }

    private Optional<JobSnapshot> findByKey(String key) {
        PageRequest byKey = PageRequest.first().withLimit(LOOKUP_LIMIT).withMetadata(RunKey.METADATA_KEY, key);
        try {
            return client.listJobs(byKey).stream().limit(LOOKUP_LIMIT)
                    .filter(j -> key.equals(j.metadata().get(RunKey.METADATA_KEY)))
                    .findFirst();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static void requireUsable(JobSnapshot job) {
        if (job.status() == JobStatus.FAILED || job.status() == JobStatus.CANCELLED) {
            String why = job.error().map(e -> ": " + e.code().map(c -> c + ": ").orElse("") + e.message()).orElse("");
            throw new CliException("the job for this data and these settings, " + job.id() + ", "
                    + job.rawStatus() + why + ". To start a new one, run `finetune train --new`.");
        }
    }

    /**
     * A run's job.
     *
     * @param job the job
     * @param key the run key
     * @param attached true when an existing job was picked up, false when it was just started
     */
    public record Started(FineTuneJob job, String key, boolean attached) {
    }
}
