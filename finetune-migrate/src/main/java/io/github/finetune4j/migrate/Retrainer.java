package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;
import io.github.finetune4j.migrate.internal.RetrainState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retrain step: the requests from {@link RetrainRequests}, each job started exactly once (its id in the manifest
 * the moment the job exists; a run after a crash attaches to it, and the core finds a job whose id did not reach the
 * manifest by its idempotency key), then every job awaited.
 */
final class Retrainer {
    private static final System.Logger LOG = System.getLogger(Retrainer.class.getName());

    private final Migration migration;
    private final ManifestStore store;
    private final Target target;
    private final RetrainRequests requests;

    Retrainer(Migration migration, ManifestStore store) {
        this.migration = migration;
        this.store = store;
        this.target = migration.requireTarget();
        this.requests = new RetrainRequests(migration, store);
    }

    StepResult run(List<ModelState> models) {
        Map<ModelState, ModelOutcome> outcomes = new LinkedHashMap<>();
        List<RetrainRequests.Prepared> toStart = new ArrayList<>();
        for (ModelState m : models) {
            try {
                Optional<ModelOutcome> early = requests.prepare(m, toStart);
                early.ifPresent(o -> outcomes.put(m, o));
            } catch (FineTuneInterruptedException e) {
                throw e;                   // an interrupt ends the step; what is done is recorded
            } catch (FineTuneException | IllegalStateException | IllegalArgumentException e) {
                outcomes.put(m, failed(m, e.getMessage()));
            }
        }
        requests.checkBudget(toStart, outcomes);
        for (RetrainRequests.Prepared p : toStart) {
            if (outcomes.containsKey(p.model())) {
                continue;
            }
            try {
                start(p);
            } catch (FineTuneInterruptedException e) {
                throw e;                   // an interrupt ends the step; what is done is recorded
            } catch (DatasetValidationException e) {
                outcomes.put(p.model(), blocked(p.model(), "the target refuses the data: " + RetrainRequests.firstIssues(e.issues())));
            } catch (FineTuneException | IllegalStateException | IllegalArgumentException e) {
                outcomes.put(p.model(), failed(p.model(), "could not start: " + e.getMessage()));
            }
        }
        for (ModelState m : models) {
            if (!outcomes.containsKey(m)) {
                outcomes.put(m, await(m));
            }
        }
        return new StepResult(Step.RETRAIN, new ArrayList<>(outcomes.values()), List.of());
    }

    private void start(RetrainRequests.Prepared p) {
        ModelState m = p.model();
        RetrainState r = m.retrain;
        migration.listener().onModel(Step.RETRAIN, m.sourceJob, "starting the job on " + r.provider + ": "
                + r.baseModel + ", " + HyperparameterText.describe(r.hyperparameters)
                + p.estimate().map(c -> ", estimated $" + c.toPlainString()).orElse(""));
        JobListener recorder = new JobListener() {
            @Override
            public void onJobCreated(JobSnapshot job) {
                recordStarted(r, job);
            }

            @Override
            public void onJobReused(JobSnapshot job) {
                recordStarted(r, job);
            }
        };
        FineTuneJob job = target.client().start(p.request(), recorder);
        recordStarted(r, job.latest());
    }

    /** Writes the job id the moment the job exists: a later run attaches to it instead of starting another. */
    private void recordStarted(RetrainState r, JobSnapshot job) {
        if (job.id().value().equals(r.jobId)) {
            return;
        }
        r.jobId = job.id().value();
        r.status = job.rawStatus();
        r.idempotencyKey = job.metadata().get(FineTuneRequest.IDEMPOTENCY_METADATA_KEY);
        r.startedAt = migration.clock().instant().toString();
        store.save();
    }

    private ModelOutcome await(ModelState m) {
        RetrainState r = m.retrain;
        if (r == null || r.jobId == null) {
            return failed(m, "no job was started");
        }
        boolean earlier = "succeeded".equals(r.status) && r.fineTunedModel != null;
        if (earlier) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.ALREADY_DONE, trained(r));
        }
        FineTuneClient client = target.client();
        migration.listener().onModel(Step.RETRAIN, m.sourceJob, "waiting for job " + r.jobId + " on " + r.provider);
        WaitOptions wait = migration.waitOptions().toBuilder()
                .listener(migration.listener().jobListener(m.sourceJob)).build();
        try {
            JobSnapshot done = client.attach(JobId.of(r.jobId)).awaitCompletion(wait);
            r.status = done.rawStatus();
            r.fineTunedModel = done.fineTunedModel().orElse(null);
            r.trainedTokens = done.trainedTokens().orElse(null);
            r.finishedAt = done.finishedAt().orElse(migration.clock().instant()).toString();
            r.status = done.status() == JobStatus.SUCCEEDED ? "succeeded" : done.rawStatus();
            store.save();
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.DONE, trained(r));
        } catch (JobFailedException e) {
            r.status = "failed";
            r.error = e.getMessage();
            store.save();
            return failed(m, "job " + r.jobId + " failed: " + e.getMessage());
        } catch (JobCancelledException e) {
            r.status = "cancelled";
            store.save();
            return failed(m, "job " + r.jobId + " was cancelled");
        } catch (WaitTimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "job {0} still runs after the wait budget", r.jobId);
            return failed(m, "job " + r.jobId + " is still running (" + e.getMessage() + "); run retrain again to "
                    + "keep waiting: nothing is started twice");
        }
    }

    private static String trained(RetrainState r) {
        return "retrained as " + r.fineTunedModel + " on " + r.provider + " (job " + r.jobId + ", base "
                + r.baseModel + ": " + r.baseModelReason + "; " + HyperparameterText.describe(r.hyperparameters)
                + (r.trainedTokens != null ? "; " + r.trainedTokens + " tokens trained" : "") + ")";
    }

    static ModelOutcome blocked(ModelState m, String why) {
        return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.BLOCKED, why);
    }

    static ModelOutcome failed(ModelState m, String why) {
        return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.FAILED, why);
    }
}
